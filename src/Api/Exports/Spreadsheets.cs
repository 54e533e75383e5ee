using System.Globalization;
using System.Reflection;
using System.Text;
using MiniExcelLibs;

namespace CctvRequests.Api.Exports;

/// <summary>
/// Tables as downloads: CSV in UTF-8 with a byte-order mark (so Excel shows Thai), and XLSX written
/// by MiniExcel. A cell that starts with = + - @ (or a tab or carriage return) is prefixed with an
/// apostrophe, so a spreadsheet never runs a citizen's text as a formula (CSV injection).
/// </summary>
public static class Spreadsheets
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string Neutralize(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    public static byte[] Csv<T>(IEnumerable<T> rows)
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var sb = new StringBuilder();
        sb.AppendJoin(',', properties.Select(p => Quote(p.Name))).Append("\r\n");
        foreach (var row in rows)
        {
            sb.AppendJoin(',', properties.Select(p => Quote(CellValue(p.GetValue(row)) is { } v ? Cell(v) : string.Empty))).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    public static async Task<byte[]> XlsxAsync<T>(IEnumerable<T> rows, CancellationToken cancellationToken)
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var table = rows.Select(row => properties.ToDictionary(p => p.Name, p => (object?)CellValue(p.GetValue(row)))).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(table, cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    public static IResult Download(byte[] content, string contentType, string fileName) =>
        TypedResults.File(content, contentType, fileName);

    /// <summary>Numbers stay numbers in the spreadsheet; text is neutralized.</summary>
    private static object? CellValue(object? value) => value switch
    {
        null => null,
        int or long or double or decimal => value,
        _ => Neutralize(Cell(value)),
    };

    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
