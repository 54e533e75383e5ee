using System.Security.Cryptography;

namespace CctvRequests.TestSupport;

/// <summary>Personal-data keys for every test host of this run: random, made once per test process.</summary>
public static class TestKeys
{
    public static readonly string EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    public static readonly string IndexKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["PersonalData:EncryptionKeys:1"] = EncryptionKey,
        ["PersonalData:CurrentKey"] = "1",
        ["PersonalData:IndexKey"] = IndexKey,
    };
}
