using System.Text.RegularExpressions;
using CctvRequests.Domain.Common;

namespace CctvRequests.Domain.Requests;

/// <summary>
/// Why a request was cancelled: a code the history keeps, with the labels citizens read. Data, not
/// code: administrators add and rename reasons (SPEC §8.9); system reasons are set by the system only.
/// </summary>
public sealed partial class CancellationReason
{
    public const int CodeMax = 40;
    public const int LabelMax = 200;

    /// <summary>The reasons the first organization started with, and the one the system itself uses.</summary>
    public const string IncompleteData = "IncompleteData";
    public const string WrongAttachments = "WrongAttachments";
    public const string FootageUnavailable = "FootageUnavailable";
    public const string Denied = "Denied";
    public const string WithdrawnByRequester = "WithdrawnByRequester";
    public const string Other = "Other";

    /// <summary>The applicant's data was erased on request (PDPA); not for officers to choose.</summary>
    public const string Erased = "Erased";

    private CancellationReason()
    {
        Code = LabelTh = LabelEn = string.Empty;
    }

    public string Code { get; private set; }
    public string LabelTh { get; private set; }
    public string LabelEn { get; private set; }
    public bool IsActive { get; private set; }
    public int SortOrder { get; private set; }

    /// <summary>Used by the system (erasure); never offered to officers.</summary>
    public bool IsSystem { get; private set; }

    public Text Label => new(LabelTh, LabelEn);

    public static bool IsWellFormedCode(string? code) => code is not null && CodePattern().IsMatch(code);

    public static CancellationReason Create(string code, Text label, bool isActive = true, int sortOrder = 0, bool isSystem = false)
    {
        if (!IsWellFormedCode(code))
        {
            throw new DomainException("reason.code", new Text(
                $"รหัสเหตุผลต้องเป็นตัวอักษรภาษาอังกฤษและตัวเลข ขึ้นต้นด้วยตัวอักษร ไม่เกิน {CodeMax} ตัว",
                $"A reason code is letters and digits starting with a letter, at most {CodeMax}."));
        }
        var reason = new CancellationReason { Code = code, IsSystem = isSystem };
        reason.Update(label, isActive, sortOrder);
        return reason;
    }

    public void Update(Text label, bool isActive, int sortOrder)
    {
        LabelTh = Guard.Text(label.Th, "labelTh", 1, LabelMax);
        LabelEn = Guard.Text(label.En, "labelEn", 1, LabelMax);
        IsActive = isActive;
        SortOrder = sortOrder;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{1,39}$")]
    private static partial Regex CodePattern();
}
