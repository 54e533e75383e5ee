using System.Text.Json;
using System.Text.RegularExpressions;

namespace CctvRequests.Web.Tests;

/// <summary>
/// The staff pages' own texts and rules, read from their files: every text has both languages and is
/// used, every text a page asks for exists, and no limit is written into the pages.
/// </summary>
public partial class StaffTextsTests
{
    private static readonly string Web = FindWeb();
    private static readonly string StaffJs = Path.Combine(Web, "staff", "js");

    private static string FindWeb()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CctvRequests.sln")))
            {
                return Path.Combine(dir.FullName, "web");
            }
        }
        throw new InvalidOperationException("The repository's web/ folder was not found.");
    }

    [GeneratedRegex("""^  "(?<key>[^"]+)": \{ th: (?<th>"(?:[^"\\]|\\.)*"), en: (?<en>"(?:[^"\\]|\\.)*") \},$""", RegexOptions.Multiline)]
    private static partial Regex Entry();

    [GeneratedRegex("""^  "[^"]+": """, RegexOptions.Multiline)]
    private static partial Regex AnyEntry();

    [GeneratedRegex("""^  "(?<key>[^"]+)": """, RegexOptions.Multiline)]
    private static partial Regex CitizenKey();

    private static Dictionary<string, (string Th, string En)> Texts()
    {
        var file = File.ReadAllText(Path.Combine(StaffJs, "texts.js"));
        Assert.Equal(AnyEntry().Matches(file).Count, Entry().Matches(file).Count);
        return Entry().Matches(file).ToDictionary(
            m => m.Groups["key"].Value,
            m => (JsonSerializer.Deserialize<string>(m.Groups["th"].Value)!, JsonSerializer.Deserialize<string>(m.Groups["en"].Value)!));
    }

    private static string PagesSource() => string.Join("\n", Directory.GetFiles(StaffJs, "*.js").Where(f => Path.GetFileName(f) != "texts.js").Select(File.ReadAllText));

    [Fact]
    public void EveryStaffText_HasThaiAndEnglish_WithTheSamePlaceholders()
    {
        var texts = Texts();
        Assert.NotEmpty(texts);
        foreach (var (key, (th, en)) in texts)
        {
            Assert.False(string.IsNullOrWhiteSpace(th), $"{key} has no Thai");
            Assert.False(string.IsNullOrWhiteSpace(en), $"{key} has no English");
            var names = (string s) => Regex.Matches(s, @"\{(\w+)\}").Select(m => m.Groups[1].Value).Order().Distinct();
            Assert.True(names(th).SequenceEqual(names(en)), $"{key}: the placeholders of the Thai and the English differ");
        }
    }

    [Fact]
    public void EveryStaffText_IsUsed_AndEveryTextAPageAsksFor_Exists()
    {
        var texts = Texts();
        var source = PagesSource();
        var unused = texts.Keys.Where(k => !source.Contains($"\"{k}\"", StringComparison.Ordinal)).ToList();
        Assert.True(unused.Count == 0, "Not used: " + string.Join(", ", unused));

        var citizen = CitizenKey().Matches(File.ReadAllText(Path.Combine(Web, "js", "i18n.js"))).Select(m => m.Groups["key"].Value).ToHashSet();
        var asked = Regex.Matches(source, """"\bt\(\s*"(?<key>[^"]+)"|\bsay\([^,]+,\s*"(?<key>[^"]+)"|\bkey: "(?<key>[^"]+)"|"(?<key>(?:w|s|nav|si|q|d|ho|oc|a|u|au|se|st|sj|pp|rc|ms|page|flag)\.[A-Za-z0-9.]+)"""")
            .Select(m => m.Groups["key"].Value).Distinct().ToList();
        Assert.NotEmpty(asked);
        var missing = asked.Where(k => !texts.ContainsKey(k) && !citizen.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Asked for but not written: " + string.Join(", ", missing));
    }

    [Fact]
    public void NoStaffWord_IsWrittenTwice()
    {
        // A word used on many pages is one entry; two entries may share a Thai word only when their English differs.
        var twice = Texts().GroupBy(e => e.Value).Where(g => g.Count() > 1).Select(g => string.Join(" = ", g.Select(e => e.Key))).ToList();
        Assert.True(twice.Count == 0, "The same text twice: " + string.Join("; ", twice));
    }

    [Fact]
    public void NoLimitIsWrittenIntoTheStaffPages()
    {
        var files = Directory.GetFiles(Path.Combine(Web, "staff"), "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".js", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotMatch(new Regex("""\b(maxlength|minlength|min|max)\s*=\s*["']?\d"""), text);
            Assert.DoesNotMatch(new Regex("""\b[A-Z_]*(MAX|MIN|LIMIT|BYTES)[A-Z_]*\s*="""), text);
            // The staff HTML holds no text of its own: every word comes from texts.js or the server.
            if (file.EndsWith(".html", StringComparison.Ordinal))
            {
                Assert.DoesNotMatch(new Regex(@">\s*[^<\s][^<]*<"), text);
            }
        }
    }
}
