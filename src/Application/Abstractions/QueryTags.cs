namespace CctvRequests.Application.Abstractions;

/// <summary>Tags (<c>TagWith</c>) that change how the database runs a query.</summary>
public static class QueryTags
{
    /// <summary>
    /// Plan this query for the values it carries, every time. For a search whose selectivity only
    /// the value shows (a name inside a million): a prepared statement's generic plan cannot see it.
    /// </summary>
    public const string CustomPlan = "custom plan";
}
