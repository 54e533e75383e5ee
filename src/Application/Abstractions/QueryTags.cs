namespace CctvRequests.Application.Abstractions;

/// <summary>Tags (<c>TagWith</c>) that change how the database runs a query.</summary>
public static class QueryTags
{
    /// <summary>
    /// A search through a bitmap index (the names' trigrams): planned for the values it carries every
    /// time (a prepared statement's generic plan cannot see how rare a name is), and never by walking
    /// an ordinary index in order while filtering, which reads the whole table when the matches are few.
    /// </summary>
    public const string IndexSearch = "index search";

    /// <summary>
    /// A report over a range of days (the statistics): planned for its values every time. Prepared after five runs on a
    /// connection, PostgreSQL may keep a generic plan that cannot see how many days the range covers: the year's
    /// statistics went from 223 to 317 ms at a million requests once statements were prepared (issue 23).
    /// </summary>
    public const string PlannedEachTime = "planned each time";
}
