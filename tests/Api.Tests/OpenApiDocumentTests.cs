using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CctvRequests.TestSupport;

namespace CctvRequests.Api.Tests;

/// <summary>
/// The OpenAPI contract is reviewed as a diff (issue 21): <c>docs/openapi.json</c> must equal the served document
/// (keys sorted). After a deliberate change: <c>CCTV_UPDATE_OPENAPI=1 ./test.sh tests/Api.Tests --filter OpenApiDocument</c>.
/// </summary>
public class OpenApiDocumentTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string CommittedPath => Path.Combine(RepositoryRoot(), "docs", "openapi.json");

    [Fact]
    public async Task TheServedDocument_IsTheCommittedOne()
    {
        var served = Sorted(JsonNode.Parse(await Client.GetStringAsync("/swagger/v1/swagger.json"))!).ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
        if (Environment.GetEnvironmentVariable("CCTV_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(CommittedPath, served);
        }
        var committed = File.Exists(CommittedPath) ? (await File.ReadAllTextAsync(CommittedPath)).ReplaceLineEndings("\n") : string.Empty;
        Assert.True(committed == served,
            "docs/openapi.json differs from the served /swagger/v1/swagger.json: review the change, then CCTV_UPDATE_OPENAPI=1 ./test.sh tests/Api.Tests --filter OpenApiDocument");
    }

    [Fact]
    public async Task TheDocument_DeclaresBothWaysIn_ScopesPerOperation_AndNamedSchemasOnly()
    {
        var document = JsonNode.Parse(await Client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var oauth = document["components"]!["securitySchemes"]!["oauth2"]!;
        Assert.Equal("oauth2", oauth["type"]!.GetValue<string>());
        Assert.Equal("/connect/token", oauth["flows"]!["clientCredentials"]!["tokenUrl"]!.GetValue<string>());
        Assert.NotNull(document["components"]!["securitySchemes"]!["staffCookie"]);
        Assert.NotEmpty(document["servers"]!.AsArray());
        Assert.DoesNotContain(document["components"]!["schemas"]!.AsObject(), s => s.Key.Contains("Anonymous", StringComparison.Ordinal) || s.Key.Contains('<'));

        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(o => o.Key is "get" or "post" or "put" or "delete" or "patch").Select(o => (Path: p.Key, Method: o.Key, Operation: o.Value!)))
            .ToList();
        Assert.All(operations, o =>
        {
            Assert.NotNull(o.Operation["security"]);
            Assert.Contains(o.Operation["responses"]!.AsObject(), r => r.Key.StartsWith('4'));
        });
        var ids = operations.Select(o => o.Operation["operationId"]?.GetValue<string>()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains("CreateApiClient", ids);
        Assert.Contains("CreateWebhook", ids);
        var listEvents = operations.Single(o => o.Operation["operationId"]?.GetValue<string>() == "ListEvents").Operation;
        Assert.Contains(listEvents["security"]!.AsArray(), s => s!["oauth2"]?.AsArray().Select(x => x!.GetValue<string>()).SequenceEqual(["events.read"]) == true);
        var create = operations.Single(o => o.Operation["operationId"]?.GetValue<string>() == "CreateApiClient").Operation;
        Assert.DoesNotContain(create["security"]!.AsArray(), s => s!["oauth2"] is not null);
    }

    /// <summary>Every object's keys in ordinal order, recursively: the committed form does not depend on the generator's order.</summary>
    public static JsonNode Sorted(JsonNode node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Sorted(p.Value)))),
        JsonArray a => new JsonArray(a.Select(v => v is null ? null : Sorted(v)).ToArray()),
        _ => node.DeepClone(),
    };

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CctvRequests.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (CctvRequests.sln) was not found above " + AppContext.BaseDirectory);
    }
}
