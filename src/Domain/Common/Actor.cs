namespace CctvRequests.Domain.Common;

/// <summary>Who did something to a request: a staff member (by account id and the name shown then), or the citizen.</summary>
public sealed record Actor(string Id, string Name)
{
    public const int IdMax = 200;
    public const int NameMax = 200;

    public static readonly Actor Citizen = new("citizen", "ผู้ยื่นคำร้อง");

    /// <summary>The system itself: the retention run.</summary>
    public static readonly Actor System = new("system", "ระบบ");
}
