namespace CctvRequests.TestSupport;

/// <summary>
/// A second local government (Chiang Rai City Municipality): its seed file, stations, reasons and
/// privacy notice, for the tests that show the organization is data (SPEC §8.9).
/// </summary>
public static class OtherOrganizationSeed
{
    public static readonly string File = Path.Combine(AppContext.BaseDirectory, "OtherOrganization", "organization.json");

    public const string Name = "เทศบาลนครเชียงราย";

    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?> { ["Organization:SeedFile"] = File };
}
