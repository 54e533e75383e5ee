namespace CctvRequests.Infrastructure.Persistence;

/// <summary>The last reference number handed out in a Buddhist Era year.</summary>
public sealed class ReferenceCounter
{
    public int Year { get; set; }
    public int LastValue { get; set; }
}
