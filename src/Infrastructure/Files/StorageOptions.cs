namespace CctvRequests.Infrastructure.Files;

/// <summary>
/// <c>Storage</c>: where attachments live. <c>Provider</c> <c>Local</c> (the default: the folder
/// <c>Root</c>, outside the web root) or <c>S3</c> (any S3-compatible server: <c>S3:*</c>). Either
/// way uploads are received and checked in <c>Scratch</c> (default <c>Root/tmp</c>), which belongs
/// to one process: give every node its own.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Local;

    public string Root { get; set; } = string.Empty;

    /// <summary>The node's scratch folder; empty means <c>Root/tmp</c>.</summary>
    public string Scratch { get; set; } = string.Empty;

    public string ScratchFolder => string.IsNullOrWhiteSpace(Scratch) ? Path.Combine(Root, "tmp") : Scratch;

    public S3StorageOptions S3 { get; set; } = new();

    /// <summary>Objects and scratch files younger than this are never reconciled away (an upload or commit may be under way).</summary>
    public TimeSpan ReconcileMinAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the reconciler runs (on one node at a time); the first run is shortly after start.</summary>
    public TimeSpan ReconcileEvery { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Objects listed, checked against the database and deleted per step.</summary>
    public int ReconcilePageSize { get; set; } = 1000;
}

public enum StorageProvider
{
    Local,
    S3,
}

/// <summary><c>Storage:S3</c>: an S3-compatible bucket (AWS, MinIO, Ceph RGW, ...).</summary>
public sealed class S3StorageOptions
{
    /// <summary>The server's address, e.g. <c>http://minio:9000</c>; empty for AWS itself (then <c>Region</c> chooses).</summary>
    public string ServiceUrl { get; set; } = string.Empty;

    public string Bucket { get; set; } = string.Empty;

    public string AccessKey { get; set; } = string.Empty;

    public string SecretKey { get; set; } = string.Empty;

    public string Region { get; set; } = "us-east-1";

    /// <summary>Path-style addresses (<c>host/bucket/key</c>), which MinIO, Ceph and s3rver need; true by default.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>Files larger than one part go up as a multipart upload in parts of this size (S3's minimum is 5 MiB).</summary>
    public long PartSizeBytes { get; set; } = 5L * 1024 * 1024;

    /// <summary>Create the bucket at start when it does not exist (for embedded and test servers; leave off in production).</summary>
    public bool CreateBucket { get; set; }
}
