using System.Net;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Files;
using CctvRequests.Application.Staff;
using CctvRequests.Domain.Requests;
using CctvRequests.Infrastructure.Files;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace CctvRequests.Api.Tests;

/// <summary>The S3-compatible server that test.sh starts (CCTV_TEST_S3, s3rver, account S3RVER/S3RVER).</summary>
public static class TestS3
{
    public static string ServiceUrl => Environment.GetEnvironmentVariable("CCTV_TEST_S3") is { Length: > 0 } url
        ? url
        : throw new InvalidOperationException("Set CCTV_TEST_S3 to an S3-compatible server (http://host:port); ./test.sh starts one.");

    public static S3StorageOptions Options(string bucket, string? serviceUrl = null) => new()
    {
        ServiceUrl = serviceUrl ?? ServiceUrl, Bucket = bucket, AccessKey = "S3RVER", SecretKey = "S3RVER", CreateBucket = true,
    };

    public static string NewBucket() => "cctv-test-" + Guid.NewGuid().ToString("N")[..16];

    public static Dictionary<string, string?> Settings(S3StorageOptions o) => new()
    {
        ["Storage:Provider"] = "S3",
        ["Storage:S3:ServiceUrl"] = o.ServiceUrl,
        ["Storage:S3:Bucket"] = o.Bucket,
        ["Storage:S3:AccessKey"] = o.AccessKey,
        ["Storage:S3:SecretKey"] = o.SecretKey,
        ["Storage:S3:CreateBucket"] = "true",
    };

    public static async Task<byte[]> ReadAsync(IAmazonS3 s3, string bucket, string key)
    {
        using var response = await s3.GetObjectAsync(bucket, key);
        using var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy);
        return copy.ToArray();
    }

    public static async Task<List<string>> KeysAsync(IAmazonS3 s3, string bucket) =>
        (await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket })).S3Objects?.Select(o => o.Key).ToList() ?? [];
}

/// <summary>A node keeping attachments in a bucket of its own, listing two objects per page (so a few objects take several pages).</summary>
public sealed class S3NodeFactory : ApiFactory
{
    public S3StorageOptions S3 { get; } = TestS3.Options(TestS3.NewBucket());

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(TestS3.Settings(S3))
    {
        ["Storage:ReconcilePageSize"] = "2",
    };

    public IAmazonS3 Client => Services.GetRequiredService<IAmazonS3>();

    public string ScratchFolder => Services.GetRequiredService<S3FileStore>().Staging.Folder;
}

/// <summary>With <c>Storage:Provider=S3</c>, attachments go to the bucket and come back byte for byte.</summary>
public sealed class S3StorageTests(S3NodeFactory node) : IClassFixture<S3NodeFactory>
{
    private static async Task<string> SubmitAsync(ApiFactory factory, SubmissionForm form)
    {
        var response = await factory.CreateClient().PostAsync("/api/requests", form.ToContent());
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("referenceNumber").GetString()!;
    }

    [Fact]
    public async Task ASubmission_IsStoredInTheBucket_AndStaffDownloadTheSameBytes()
    {
        Assert.IsType<S3FileStore>(node.Services.GetRequiredService<IFileStore>());
        // 9 MB: above one 5 MiB part, so it goes up as a multipart upload.
        var big = SampleFiles.PdfOfSize(9L * 1024 * 1024);
        var form = new SubmissionForm();
        form.Files.RemoveAll(f => f.Field == "otherDocuments");
        form.WithFile("otherDocuments", "big.pdf", big, "application/pdf");
        var reference = await SubmitAsync(node, form);

        Assert.True(ReferenceNumber.TryParse(reference, out var number));
        await using var db = node.NewDbContext();
        var attachments = await db.FootageRequests.Where(r => r.ReferenceNumber == number).SelectMany(r => r.Attachments).ToListAsync();
        Assert.Equal(4, attachments.Count);
        var keys = await TestS3.KeysAsync(node.Client, node.S3.Bucket);
        var officer = await StaffClient.SignedInAsync(node, await TestStaffAccounts.CreateAsync(node, StaffRoles.Officer));
        foreach (var attachment in attachments)
        {
            Assert.Contains(attachment.StorageKey, keys);
            var stored = await TestS3.ReadAsync(node.Client, node.S3.Bucket, attachment.StorageKey);
            Assert.Equal(attachment.Sha256, Convert.ToHexStringLower(SHA256.HashData(stored)));
            Assert.Equal(attachment.SizeBytes, stored.Length);
            var downloaded = await officer.GetAsync($"/api/staff/requests/{reference}/attachments/{attachment.Id}");
            Assert.Equal(HttpStatusCode.OK, downloaded.StatusCode);
            Assert.Equal(stored, await downloaded.Content.ReadAsByteArrayAsync());
        }
        Assert.Equal(big, await TestS3.ReadAsync(node.Client, node.S3.Bucket, attachments.Single(a => a.Kind == AttachmentKind.Other).StorageKey));
        // An object deleted behind the API's back: 404 naming the storage, not a 500.
        var gone = attachments.Single(a => a.Kind == AttachmentKind.PoliceReport);
        var kept = await TestS3.ReadAsync(node.Client, node.S3.Bucket, gone.StorageKey);
        await node.Client.DeleteObjectAsync(node.S3.Bucket, gone.StorageKey);
        var missing = await officer.GetAsync($"/api/staff/requests/{reference}/attachments/{gone.Id}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains(StoredFiles.Missing.Th, await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Put back: the other tests of this class share the bucket.
        await node.Client.PutObjectAsync(new PutObjectRequest { BucketName = node.S3.Bucket, Key = gone.StorageKey, InputStream = new MemoryStream(kept), UseChunkEncoding = false });
        // Nothing stays in the node's scratch folder once the request is saved.
        Assert.Empty(Directory.GetFiles(node.ScratchFolder));
        Assert.Equal("Healthy", System.Text.Json.JsonDocument.Parse(await node.CreateClient().GetStringAsync("/healthz")).RootElement.GetProperty("checks").GetProperty("storage").GetString());
    }

    [Fact]
    public async Task ChunkEncoding_WouldPutChunkSignaturesInsideObjectsOnThisServer_SoTheStoreTurnsItOff()
    {
        var body = new byte[70_000];
        RandomNumberGenerator.Fill(body);
        var chunkedConfig = new AmazonS3Config { ServiceURL = node.S3.ServiceUrl, ForcePathStyle = true, AuthenticationRegion = "us-east-1" };
        using var chunked = new AmazonS3Client(new Amazon.Runtime.BasicAWSCredentials("S3RVER", "S3RVER"), chunkedConfig);
        await chunked.PutObjectAsync(new PutObjectRequest { BucketName = node.S3.Bucket, Key = "probe/chunked", InputStream = new MemoryStream(body), UseChunkEncoding = true });
        var stored = await TestS3.ReadAsync(node.Client, node.S3.Bucket, "probe/chunked");
        Assert.NotEqual(body, stored);
        Assert.Contains("chunk-signature", System.Text.Encoding.ASCII.GetString(stored), StringComparison.Ordinal);

        // The store's own client, as every attachment is sent.
        var store = node.Services.GetRequiredService<S3FileStore>();
        var pdf = SampleFiles.PdfOfSize(body.Length);
        var staged = await store.StageAsync("idCardCopy", "a.pdf", new MemoryStream(pdf), pdf.Length, CancellationToken.None);
        var key = await store.PromoteAsync(staged, CancellationToken.None);
        Assert.Equal(pdf, await TestS3.ReadAsync(node.Client, node.S3.Bucket, key));
        await store.DeleteAsync(key);
        await node.Client.DeleteObjectAsync(node.S3.Bucket, "probe/chunked");
    }

    [Fact]
    public async Task TheReconciler_RemovesOldObjectsNoRequestNames_PageByPage_AndNothingElse()
    {
        var reference = await SubmitAsync(node, new SubmissionForm());
        var orphans = Enumerable.Range(0, 5).Select(_ => StagingArea.NewKey(DateTimeOffset.UtcNow, "application/pdf")).ToList();
        foreach (var key in orphans.Append("backups/not-ours.txt"))
        {
            await node.Client.PutObjectAsync(new PutObjectRequest { BucketName = node.S3.Bucket, Key = key, ContentBody = "x", UseChunkEncoding = false });
        }
        await File.WriteAllTextAsync(Path.Combine(node.ScratchFolder, "crashed.part"), "x");
        await using var scope = node.Services.CreateAsyncScope();
        var reconciler = scope.ServiceProvider.GetRequiredService<StorageReconciler>();

        // Younger than the minimum age: all kept.
        var young = await reconciler.ReconcileAsync(DateTime.UtcNow.AddHours(-1), CancellationToken.None);
        Assert.Equal(0, young.Unreferenced);
        Assert.Equal(0, young.Scratch);
        Assert.Superset(orphans.ToHashSet(), (await TestS3.KeysAsync(node.Client, node.S3.Bucket)).ToHashSet());

        var result = await reconciler.ReconcileAsync(DateTime.UtcNow.AddMinutes(1), CancellationToken.None);

        var left = await TestS3.KeysAsync(node.Client, node.S3.Bucket);
        Assert.DoesNotContain(left, orphans.Contains);
        Assert.True(result.Unreferenced >= orphans.Count, $"{result.Unreferenced} removed");
        Assert.Equal(1, result.Scratch);
        Assert.Contains("backups/not-ours.txt", left);
        await using var db = node.NewDbContext();
        var referenced = await db.Set<Attachment>().Select(a => a.StorageKey).ToListAsync();
        Assert.All(referenced, key => Assert.Contains(key, left));
        // Two keys a page: at least ceil(listed / 2) pages, none of them the whole list.
        Assert.True(result.Listed >= referenced.Count + orphans.Count + 1);
        Assert.Equal((int)Math.Ceiling(result.Listed / 2.0), result.Pages);
        var check = await reconciler.CheckAsync(CancellationToken.None);
        Assert.Equal(0, check.Missing);
        Assert.Equal(1, check.Unreferenced);
        Assert.NotNull(reference);
        await node.Client.DeleteObjectAsync(node.S3.Bucket, "backups/not-ours.txt");
    }
}


/// <summary>A node whose S3 server does not answer.</summary>
public sealed class S3AwayFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        TestS3.Settings(TestS3.Options(TestS3.NewBucket(), serviceUrl: "http://127.0.0.1:9"));
}

/// <summary>With the bucket away, a submission answers 503 and leaves nothing behind; /healthz names the storage.</summary>
public sealed class S3AwayTests(S3AwayFactory node) : IClassFixture<S3AwayFactory>
{
    [Fact]
    public async Task ASubmission_Answers503_AndNothingIsSaved()
    {
        var client = node.CreateClient();

        var response = await client.PostAsync("/api/requests", new SubmissionForm().ToContent());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("ระบบจัดเก็บไฟล์", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await node.AssertNothingStoredAsync();
        Assert.Empty(Directory.GetFiles(node.Services.GetRequiredService<S3FileStore>().Staging.Folder));
        var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("\"storage\":\"Unhealthy\"", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>
/// Promoting a file sends it in parts read from disk. Run alone (no host, no other test running),
/// so that the bytes the process allocates are this upload's own.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class S3PromoteMemoryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Promoting_StreamsTheFileInParts_NeverWholeInMemory()
    {
        var requests = new List<string>();
        var bucket = TestS3.Options(TestS3.NewBucket());
        var config = new AmazonS3Config { ServiceURL = bucket.ServiceUrl, ForcePathStyle = true, AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED,
            HttpClientFactory = new RecordingHttpClientFactory(requests) };
        using var client = new AmazonS3Client(new Amazon.Runtime.BasicAWSCredentials("S3RVER", "S3RVER"), config);
        var scratch = Path.Combine(Path.GetTempPath(), "cctv-test-scratch-" + Guid.NewGuid().ToString("N"));
        var options = new StorageOptions { Root = scratch, Provider = StorageProvider.S3, S3 = bucket };
        var store = new S3FileStore(client, Options.Create(options), TimeProvider.System, NullLogger<S3FileStore>.Instance);
        await store.PrepareAsync(CancellationToken.None);
        var content = new byte[12 * 1024 * 1024];
        RandomNumberGenerator.Fill(content);
        "%PDF-1.7\n"u8.CopyTo(content);
        var staged = await store.StageAsync("otherDocuments", "x.pdf", new MemoryStream(content), content.Length, CancellationToken.None);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var key = await store.PromoteAsync(staged, CancellationToken.None);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        output.WriteLine($"Promoting {content.Length:N0} bytes in parts allocated {allocated:N0} bytes.");
        Assert.Equal(content, await TestS3.ReadAsync(client, bucket.Bucket, key));
        // Three parts of at most 5 MiB, then the completion.
        Assert.Equal(3, requests.Count(r => r.StartsWith("PUT ", StringComparison.Ordinal) && r.Contains("partNumber=", StringComparison.Ordinal)));
        Assert.Contains(requests, r => r.StartsWith("POST ", StringComparison.Ordinal) && r.Contains("uploadId=", StringComparison.Ordinal));
        Assert.True(allocated < content.Length / 2, $"{allocated:N0} bytes allocated to send {content.Length:N0}");
        Assert.False(File.Exists(staged.TempPath));
        Directory.Delete(scratch, recursive: true);
    }

    private sealed class RecordingHttpClientFactory(List<string> requests) : Amazon.Runtime.HttpClientFactory
    {
        public override HttpClient CreateHttpClient(Amazon.Runtime.IClientConfig clientConfig) => new(new Recorder(requests) { InnerHandler = new HttpClientHandler() });

        private sealed class Recorder(List<string> requests) : DelegatingHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                lock (requests)
                {
                    requests.Add($"{request.Method} {request.RequestUri}");
                }
                return base.SendAsync(request, cancellationToken);
            }
        }
    }
}
