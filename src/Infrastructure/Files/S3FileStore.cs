using System.Net;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Application.Files;
using CctvRequests.Infrastructure.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CctvRequests.Infrastructure.Files;

/// <summary>
/// Attachments in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW, ...), for several API nodes.
/// Uploads are staged and checked on the node's own disk (<see cref="StagingArea"/>); promoting
/// sends the checked file to its permanent key, streamed from disk: one PUT up to one part, a
/// multipart upload in parts above it, so no file is ever whole in memory. The object appears only
/// when the PUT or the multipart completion succeeds, so a reader sees all of it or nothing; an
/// upload a dead node left unfinished is aborted by the reconciler. Keys have the local store's
/// shape (<c>yyyy/MM/random.ext</c>), so moving from the folder to a bucket is a copy.
/// Chunked (aws-chunked) uploads and optional checksums are off: s3rver and some S3-compatible
/// servers store chunk signatures inside the object otherwise; payloads are still SigV4-signed.
/// </summary>
public sealed class S3FileStore(IAmazonS3 s3, IOptions<StorageOptions> options, TimeProvider clock, ILogger<S3FileStore> logger)
    : IFileStore, IStoredObjects
{
    private readonly S3StorageOptions _s3 = options.Value.S3;
    private bool _toldUnfinishedNotListed;

    public StagingArea Staging { get; } = new(options.Value.ScratchFolder);

    public string Bucket => _s3.Bucket;

    public static IAmazonS3 CreateClient(S3StorageOptions o)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = o.ForcePathStyle,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            Timeout = TimeSpan.FromSeconds(100),
            MaxErrorRetry = 2,
        };
        if (string.IsNullOrWhiteSpace(o.ServiceUrl))
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(o.Region);
        }
        else
        {
            config.ServiceURL = o.ServiceUrl;
            config.AuthenticationRegion = o.Region;
        }
        // Without keys: the SDK's own chain (environment, instance or pod role).
        return string.IsNullOrWhiteSpace(o.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(o.AccessKey, o.SecretKey), config);
    }

    /// <summary>At start, with <c>Storage:S3:CreateBucket</c>: the bucket is made when it is not there.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (!_s3.CreateBucket)
        {
            return;
        }
        try
        {
            await s3.PutBucketAsync(new PutBucketRequest { BucketName = Bucket }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
            // Already there.
        }
        catch (Exception e) when (IsStorageFault(e))
        {
            // The node starts all the same: /healthz says the storage is down, uploads answer 503 until it is back.
            logger.BucketNotPrepared(e.GetType().Name);
        }
    }

    /// <summary>For /healthz: the bucket answers a one-key listing.</summary>
    public async Task ProbeAsync(CancellationToken cancellationToken) =>
        await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, MaxKeys = 1 }, cancellationToken);

    public Task<StagedFile> StageAsync(string field, string? fileName, Stream content, long maxBytes, CancellationToken cancellationToken) =>
        Staging.StageAsync(field, fileName, content, maxBytes, cancellationToken);

    public async Task<string> PromoteAsync(StagedFile file, CancellationToken cancellationToken)
    {
        var key = StagingArea.NewKey(clock.GetUtcNow(), file.ContentType);
        await Storage(async () =>
        {
            if (file.SizeBytes <= _s3.PartSizeBytes)
            {
                await s3.PutObjectAsync(new PutObjectRequest
                {
                    BucketName = Bucket, Key = key, FilePath = file.TempPath, ContentType = file.ContentType, UseChunkEncoding = false,
                    Metadata = { ["sha256"] = file.Sha256 },
                }, cancellationToken);
            }
            else
            {
                await UploadInPartsAsync(file, key, cancellationToken);
            }
        });
        // Sent: the scratch copy is no longer needed.
        StagingArea.TryDelete(file.TempPath);
        return key;
    }

    private async Task UploadInPartsAsync(StagedFile file, string key, CancellationToken cancellationToken)
    {
        var started = await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = Bucket, Key = key, ContentType = file.ContentType, Metadata = { ["sha256"] = file.Sha256 },
        }, cancellationToken);
        try
        {
            var parts = new List<PartETag>();
            for (long position = 0, number = 1; position < file.SizeBytes; position += _s3.PartSizeBytes, number++)
            {
                // Each part is read from the scratch file as it is sent.
                var part = await s3.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = Bucket, Key = key, UploadId = started.UploadId, PartNumber = (int)number,
                    FilePath = file.TempPath, FilePosition = position, PartSize = Math.Min(_s3.PartSizeBytes, file.SizeBytes - position),
                    UseChunkEncoding = false,
                }, cancellationToken);
                parts.Add(new PartETag((int)number, part.ETag));
            }
            await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = Bucket, Key = key, UploadId = started.UploadId, PartETags = parts,
            }, cancellationToken);
        }
        catch
        {
            await TryAbortAsync(key, started.UploadId);
            throw;
        }
    }

    private async Task TryAbortAsync(string key, string uploadId)
    {
        try
        {
            await s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = Bucket, Key = key, UploadId = uploadId });
        }
        catch (Exception e) when (IsStorageFault(e))
        {
            // Left for the reconciler (or the bucket's lifecycle rule).
        }
    }

    public Task DeleteStagedAsync(StagedFile file)
    {
        StagingArea.TryDelete(file.TempPath);
        return Task.CompletedTask;
    }

    public async Task DeleteAsync(string storageKey)
    {
        try
        {
            await s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Bucket, Key = storageKey });
        }
        catch (Exception e) when (IsStorageFault(e))
        {
            // No row points at it any more: the reconciler removes it later.
            logger.ObjectDeleteFailed(e.GetType().Name);
        }
    }

    public Task<Stream> OpenReadAsync(string storageKey, CancellationToken cancellationToken) => OpenReadAsync(storageKey, 0, cancellationToken);

    /// <summary>From an offset: a ranged GET (<c>bytes=offset-</c>), so a resumed download reads only the rest from the bucket.</summary>
    public async Task<Stream> OpenReadAsync(string storageKey, long offset, CancellationToken cancellationToken)
    {
        var get = new GetObjectRequest { BucketName = Bucket, Key = storageKey };
        if (offset > 0)
        {
            get.ByteRange = new ByteRange($"bytes={offset}-");
        }
        var response = await Storage(() => s3.GetObjectAsync(get, cancellationToken),
            notFound: () =>
            {
                logger.StoredFileMissing(storageKey);
                return new NotFoundException(StoredFiles.Missing);
            });
        return new ObjectStream(response);
    }

    public async IAsyncEnumerable<IReadOnlyList<StoredObject>> ListAsync(int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? continuation = null;
        do
        {
            var page = await s3.ListObjectsV2Async(new ListObjectsV2Request
            {
                BucketName = Bucket, MaxKeys = pageSize, ContinuationToken = continuation,
            }, cancellationToken);
            var objects = (page.S3Objects ?? [])
                .Select(o => new StoredObject(o.Key, (o.LastModified ?? DateTime.MaxValue).ToUniversalTime()))
                .ToList();
            if (objects.Count > 0)
            {
                yield return objects;
            }
            continuation = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (continuation is not null);
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        foreach (var batch in keys.Chunk(1000))
        {
            var response = await s3.DeleteObjectsAsync(new DeleteObjectsRequest
            {
                BucketName = Bucket, Objects = batch.Select(k => new KeyVersion { Key = k }).ToList(), Quiet = true,
            }, cancellationToken);
            if (response.DeleteErrors is { Count: > 0 } errors)
            {
                logger.ObjectDeleteFailed($"{errors.Count} of {batch.Length}: {errors[0].Code}");
            }
        }
    }

    public async Task<int> AbortUnfinishedAsync(DateTime before, CancellationToken cancellationToken)
    {
        var aborted = 0;
        string? keyMarker = null, uploadMarker = null;
        try
        {
            do
            {
                var page = await s3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest
                {
                    BucketName = Bucket, KeyMarker = keyMarker, UploadIdMarker = uploadMarker, MaxUploads = 1000,
                }, cancellationToken);
                foreach (var upload in (page.MultipartUploads ?? []).Where(u => (u.Initiated ?? DateTime.MaxValue).ToUniversalTime() <= before))
                {
                    await s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = Bucket, Key = upload.Key, UploadId = upload.UploadId }, cancellationToken);
                    aborted++;
                }
                (keyMarker, uploadMarker) = page.IsTruncated == true ? (page.NextKeyMarker, page.NextUploadIdMarker) : (null, null);
            }
            while (keyMarker is not null);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "NotImplemented" || e.StatusCode == HttpStatusCode.NotImplemented)
        {
            // s3rver, for one, cannot list them; a bucket lifecycle rule (AbortIncompleteMultipartUpload) does it on real servers.
            if (!_toldUnfinishedNotListed)
            {
                _toldUnfinishedNotListed = true;
                logger.UnfinishedUploadsNotListed();
            }
        }
        return aborted;
    }

    private static bool IsStorageFault(Exception e) =>
        e is AmazonServiceException or AmazonClientException or HttpRequestException or IOException
        || (e is TaskCanceledException { InnerException: TimeoutException });

    /// <summary>A storage fault (the server away, refusing, timing out) is the service being unavailable (503), not the caller's fault.</summary>
    private static async Task<T> Storage<T>(Func<Task<T>> step, Func<Exception>? notFound = null)
    {
        try
        {
            return await step();
        }
        catch (AmazonS3Exception e) when (notFound is not null && e.StatusCode == HttpStatusCode.NotFound)
        {
            throw notFound();
        }
        catch (Exception e) when (IsStorageFault(e))
        {
            throw new ServiceUnavailableException(StagingArea.Unavailable, e);
        }
    }

    private static Task Storage(Func<Task> step) => Storage(async () =>
    {
        await step();
        return true;
    });

    /// <summary>The object's body, read as it arrives; disposing it ends the response.</summary>
    private sealed class ObjectStream(GetObjectResponse response) : Stream
    {
        private readonly Stream _body = response.ResponseStream;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => response.ContentLength;
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => _body.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _body.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _body.ReadAsync(buffer, offset, count, cancellationToken);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                response.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
