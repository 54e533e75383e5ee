using System.Net;
using CctvRequests.TestSupport;

namespace CctvRequests.Api.Tests;

/// <summary>
/// The attachments folder cannot be written (here: a plain file where the folder should be, since
/// the tests run as root, whom permissions do not stop): 503 with Retry-After, nothing half-saved.
/// </summary>
public class StorageUnavailableTests(ApiFactory factory) : ApiTest(factory)
{
    [Theory]
    [InlineData("tmp")]
    [InlineData("objects")]
    public async Task AFolderThatCannotBeWritten_Answers503_AndNothingIsSaved(string folder)
    {
        var path = Path.Combine(Factory.StorageRoot, folder);
        var aside = path + ".aside";
        Directory.Move(path, aside);
        await File.WriteAllTextAsync(path, "not a folder");
        try
        {
            var response = await SubmitAsync(new SubmissionForm(), language: "en");

            await AssertProblemAsync(response, 503);
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.Contains("not saved", (await JsonAsync(response)).GetProperty("detail").GetString());
        }
        finally
        {
            File.Delete(path);
            Directory.Move(aside, path);
        }
        await AssertNothingStoredAsync();
        Assert.Equal(HttpStatusCode.Created, (await SubmitAsync(new SubmissionForm())).StatusCode);
    }
}
