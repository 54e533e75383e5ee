using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CctvRequests.Web.Tests;

/// <summary>
/// Reads a PDF as a person's tools would: poppler-utils' pdftotext for the words and pdfimages for
/// the pictures (./test.sh installs the Debian package).
/// </summary>
public static partial class Poppler
{
    /// <summary>The PDF's text with every white space removed (a line break may fall anywhere in Thai).</summary>
    public static async Task<string> TextAsync(byte[] pdf) => Whitespace().Replace(await RunAsync("pdftotext", pdf, "-enc UTF-8 {0} -"), string.Empty);

    /// <summary>Width and height of each image pdfimages -list finds.</summary>
    public static async Task<IReadOnlyList<(int Width, int Height, string Type)>> ImagesAsync(byte[] pdf)
    {
        var list = await RunAsync("pdfimages", pdf, "-list {0}");
        // page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
        return list.Split('\n').Skip(2)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(cols => cols.Length > 5)
            .Select(cols => (int.Parse(cols[3]), int.Parse(cols[4]), cols[2]))
            .ToList();
    }

    /// <summary>The number of pages, from pdfinfo.</summary>
    public static async Task<int> PagesAsync(byte[] pdf) =>
        int.Parse(PagesLine().Match(await RunAsync("pdfinfo", pdf, "{0}")).Groups[1].Value);

    private static async Task<string> RunAsync(string tool, byte[] pdf, string arguments)
    {
        var file = Path.Combine(Path.GetTempPath(), $"cctv-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(tool, string.Format(arguments, file))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
            }) ?? throw new InvalidOperationException($"{tool} did not start: ./test.sh installs poppler-utils.");
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"{tool} failed: {error}");
            return output;
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"Pages:\s+(\d+)")]
    private static partial Regex PagesLine();
}
