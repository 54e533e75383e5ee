namespace CctvRequests.Infrastructure.Backups;

/// <summary>
/// <c>Backup</c>: how the <c>backup</c> and <c>restore-check</c> commands reach PostgreSQL's own tools and where
/// a restore check may create what it drops afterwards.
/// </summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>The folder of <c>pg_dump</c> and <c>pg_restore</c>; empty: Debian's newest (<c>/usr/lib/postgresql/N/bin</c>), else the PATH.</summary>
    public string PgBin { get; set; } = string.Empty;

    /// <summary>
    /// A connection string to the server where <c>restore-check</c> creates its new database (its <c>Database</c> is
    /// where <c>CREATE DATABASE</c> is sent from); empty: the configured server (<c>ConnectionStrings:Owner</c>, else
    /// <c>Default</c>) and its <c>postgres</c> database. The role needs CREATEDB.
    /// </summary>
    public string RestoreServer { get; set; } = string.Empty;

    /// <summary>Where <c>restore-check</c> makes its scratch store (a folder it deletes afterwards); empty: the system's temporary folder.</summary>
    public string ScratchFolder { get; set; } = string.Empty;

    /// <summary>Parallel jobs of <c>pg_restore</c> (1 to 8).</summary>
    public int RestoreJobs { get; set; } = 2;

    /// <summary>How long the backup waits for a running retention, expiry or reconciliation to finish before it gives up.</summary>
    public TimeSpan JobWait { get; set; } = TimeSpan.FromMinutes(30);
}
