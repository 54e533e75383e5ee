using System.IO.Compression;
using System.Text;

namespace CctvRequests.Infrastructure.Files;

/// <summary>
/// Reads a PDF far enough to refuse what could hurt the officer who opens it: a file that is also
/// HTML or script (a polyglot), JavaScript, launch actions, embedded files, forms that submit, rich
/// media. Names are read with their #xx escapes undone. Object streams (where a PDF may hide its
/// dictionaries) are inflated in small pieces, within a budget, and read too; other streams are
/// picture, font and page data, where no action can live, and are not read (their bytes would give
/// false alarms). A file without its end marker is damaged or cut short. Memory: the file itself
/// and a few small buffers, whatever the streams inflate to.
/// </summary>
public static class PdfGuard
{
    public enum Verdict
    {
        Clean,
        ActiveContent,
        Damaged,
    }

    /// <summary>Inflated bytes of all object streams together: far beyond a scanned ID card.</summary>
    public const long InflateBudget = 64L * 1024 * 1024;

    private const int MaxName = 127;

    /// <summary>What a browser that sniffs content would take for a web page, near the start or outside the PDF's streams.</summary>
    private static readonly byte[][] Markup =
        [.. new[] { "<html", "<script", "<!doctype", "<svg", "<iframe", "<body", "<?xml-stylesheet", "javascript:" }.Select(Encoding.ASCII.GetBytes)];

    private static readonly HashSet<string> ForbiddenNames = new(StringComparer.Ordinal)
    {
        "JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "XFA", "SubmitForm", "ImportData", "GoToE", "GoToR",
    };

    /// <summary>Filters whose output the guard can read (Flate), or none at all.</summary>
    private static readonly HashSet<string> ReadableFilters = new(StringComparer.Ordinal) { "FlateDecode", "Fl" };

    public static Verdict Check(byte[] pdf) => Check(new ArraySegment<byte>(pdf));

    /// <summary>The PDF as the first bytes of a (pooled) buffer.</summary>
    public static Verdict Check(ArraySegment<byte> pdf)
    {
        if (!HasEndMarker(pdf))
        {
            return Verdict.Damaged;
        }
        if (HasMarkup(pdf.AsSpan(0, Math.Min(1024, pdf.Count))))
        {
            return Verdict.ActiveContent;
        }
        var budget = InflateBudget;
        var at = 0;
        foreach (var stream in Streams(pdf))
        {
            // Everything between two streams is PDF syntax (objects, dictionaries): read it all.
            if (IsActiveSyntax(pdf.AsSpan(at, stream.DataStart - at)))
            {
                return Verdict.ActiveContent;
            }
            var names = NamesIn(pdf.AsSpan(stream.DictionaryStart, stream.DataStart - stream.DictionaryStart));
            if (names.Contains("ObjStm"))
            {
                var filters = names.Where(n => n is "FlateDecode" or "Fl" or "ASCIIHexDecode" or "AHx" or "ASCII85Decode" or "A85" or "LZWDecode" or "LZW"
                    or "RunLengthDecode" or "RL" or "Crypt").ToList();
                if (filters.Any(f => !ReadableFilters.Contains(f)))
                {
                    return Verdict.ActiveContent; // an object stream the guard cannot read is not accepted
                }
                var data = pdf.AsSpan(stream.DataStart, stream.DataEnd - stream.DataStart);
                var verdict = filters.Count == 0 ? (IsActiveSyntax(data) ? Verdict.ActiveContent : Verdict.Clean) : InflateAndCheck(pdf, stream, ref budget);
                if (verdict != Verdict.Clean)
                {
                    return verdict;
                }
            }
            else if (stream.DeclaredEnd is { } declared && declared + 32 < stream.DataEnd
                     && IsActiveSyntax(pdf.AsSpan(declared, stream.DataEnd - declared)))
            {
                // Bytes past the declared /Length: a reader that trusts the length reads them as objects.
                return Verdict.ActiveContent;
            }
            at = stream.Next;
        }
        return IsActiveSyntax(pdf.AsSpan(at)) ? Verdict.ActiveContent : Verdict.Clean;
    }

    private readonly record struct PdfStream(int DictionaryStart, int DataStart, int DataEnd, int Next, int? DeclaredEnd);

    /// <summary>Each stream: its dictionary (from its "obj" keyword), its data, and where the syntax resumes.</summary>
    private static IEnumerable<PdfStream> Streams(ArraySegment<byte> pdf)
    {
        var at = 0;
        while (at < pdf.Count)
        {
            var start = pdf.AsSpan(at).IndexOf("stream"u8);
            if (start < 0)
            {
                yield break;
            }
            start += at;
            var dataStart = start + 6;
            if (start >= 3 && pdf.AsSpan(start - 3, 3).SequenceEqual("end"u8))
            {
                at = dataStart;
                continue;
            }
            if (dataStart < pdf.Count && pdf[dataStart] == '\r')
            {
                dataStart++;
            }
            if (dataStart < pdf.Count && pdf[dataStart] == '\n')
            {
                dataStart++;
            }
            var end = pdf.AsSpan(dataStart).IndexOf("endstream"u8);
            if (end < 0)
            {
                yield break;
            }
            end += dataStart;
            var windowStart = Math.Max(at, start - 4000);
            var obj = pdf.AsSpan(windowStart, start - windowStart).LastIndexOf(" obj"u8);
            var dictionaryStart = obj >= 0 ? windowStart + obj : windowStart;
            var declared = DeclaredLength(pdf.AsSpan(dictionaryStart, start - dictionaryStart)) is { } length && dataStart + length <= end ? dataStart + length : (int?)null;
            yield return new PdfStream(dictionaryStart, dataStart, end, end + 9, declared);
            at = end + 9;
        }
    }

    /// <summary>A direct <c>/Length n</c> (not an indirect <c>n 0 R</c>).</summary>
    private static int? DeclaredLength(ReadOnlySpan<byte> dictionary)
    {
        var key = dictionary.IndexOf("/Length"u8);
        if (key < 0)
        {
            return null;
        }
        var rest = dictionary[(key + 7)..].TrimStart(" \r\n\t"u8);
        var digits = 0;
        while (digits < rest.Length && digits < 10 && rest[digits] is >= (byte)'0' and <= (byte)'9')
        {
            digits++;
        }
        if (digits == 0 || (rest.Length > digits + 1 && rest[(digits + 1)..].TrimStart(" "u8) is [>= (byte)'0' and <= (byte)'9', ..] && rest[(digits + 1)..].IndexOf("R"u8) is >= 0 and < 8))
        {
            return null;
        }
        return int.TryParse(Encoding.ASCII.GetString(rest[..digits]), out var n) ? n : null;
    }

    private static Verdict InflateAndCheck(ArraySegment<byte> pdf, PdfStream stream, ref long budget)
    {
        try
        {
            using var inflater = new ZLibStream(new MemoryStream(pdf.Array!, pdf.Offset + stream.DataStart, stream.DataEnd - stream.DataStart, writable: false), CompressionMode.Decompress);
            var buffer = new byte[16 * 1024 + MaxName + 1];
            var carried = 0;
            int read;
            // At most MaxName + 1 bytes are carried over, so a full piece always fits after them.
            while ((read = inflater.Read(buffer, carried, 16 * 1024)) > 0)
            {
                budget -= read;
                if (budget <= 0)
                {
                    return Verdict.ActiveContent; // a file that needs this much inflating is not an ID copy or a police report
                }
                var filled = carried + read;
                var safe = SafeEnd(buffer.AsSpan(0, filled));
                if (IsActiveSyntax(buffer.AsSpan(0, safe)))
                {
                    return Verdict.ActiveContent;
                }
                carried = filled - safe;
                buffer.AsSpan(safe, carried).CopyTo(buffer);
            }
            return IsActiveSyntax(buffer.AsSpan(0, carried)) ? Verdict.ActiveContent : Verdict.Clean;
        }
        catch (InvalidDataException)
        {
            return Verdict.Damaged; // an object stream that does not inflate is a broken PDF
        }
    }

    /// <summary>Where a piece can be cut without splitting a name: before the last '/' when a name may run on.</summary>
    private static int SafeEnd(ReadOnlySpan<byte> piece)
    {
        var slash = piece.LastIndexOf((byte)'/');
        return slash >= 0 && piece.Length - slash <= MaxName + 1 && !piece[(slash + 1)..].ContainsAny(Delimiters) ? slash : piece.Length;
    }

    private static ReadOnlySpan<byte> Delimiters => " \t\r\n\f\0()<>[]{}/%"u8;

    private static bool IsActiveSyntax(ReadOnlySpan<byte> syntax) => HasMarkup(syntax) || NamesIn(syntax).Overlaps(ForbiddenNames);

    /// <summary>Every name (<c>/Name</c>) in the bytes, #xx escapes undone.</summary>
    private static HashSet<string> NamesIn(ReadOnlySpan<byte> bytes)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var at = 0;
        while ((at = bytes[at..].IndexOf((byte)'/') is var i and >= 0 ? at + i + 1 : -1) > 0)
        {
            var end = at;
            while (end < bytes.Length && end - at <= MaxName && !Delimiters.Contains(bytes[end]))
            {
                end++;
            }
            if (end > at && end - at <= MaxName)
            {
                names.Add(Unescape(bytes[at..end]));
            }
            if (end >= bytes.Length)
            {
                break;
            }
            at = end;
        }
        return names;
    }

    /// <summary>PDF names may spell a byte as #xx: /J#61vaScript is /JavaScript.</summary>
    private static string Unescape(ReadOnlySpan<byte> name)
    {
        if (name.IndexOf((byte)'#') < 0)
        {
            return Encoding.Latin1.GetString(name);
        }
        var text = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] == '#' && i + 2 < name.Length && IsHex(name[i + 1]) && IsHex(name[i + 2]))
            {
                text.Append((char)Convert.ToByte(Encoding.ASCII.GetString(name.Slice(i + 1, 2)), 16));
                i += 2;
            }
            else
            {
                text.Append((char)name[i]);
            }
        }
        return text.ToString();
    }

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

    private static bool HasMarkup(ReadOnlySpan<byte> bytes)
    {
        foreach (var marker in Markup)
        {
            for (var at = bytes.IndexOfAny((byte)'<', (byte)'j', (byte)'J'); at >= 0 && at + marker.Length <= bytes.Length;)
            {
                if (Ascii.EqualsIgnoreCase(bytes.Slice(at, marker.Length), marker))
                {
                    return true;
                }
                var next = bytes[(at + 1)..].IndexOfAny((byte)'<', (byte)'j', (byte)'J');
                at = next < 0 ? -1 : at + 1 + next;
            }
        }
        return false;
    }

    private static bool HasEndMarker(ArraySegment<byte> pdf)
    {
        var end = pdf.Count;
        while (end > 0 && pdf[end - 1] is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' or 0)
        {
            end--;
        }
        var from = Math.Max(0, end - 1024);
        return pdf.AsSpan(from, end - from).IndexOf("%%EOF"u8) >= 0;
    }
}
