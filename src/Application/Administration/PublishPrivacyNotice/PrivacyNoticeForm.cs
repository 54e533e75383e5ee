using System.Text.RegularExpressions;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Privacy;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Administration.PublishPrivacyNotice;

/// <summary>A new version of the notice as the administrator typed it, Thai and English.</summary>
public sealed record PrivacyNoticeForm(string? Version, string? Text, string? TextEn)
{
    public const int TextMax = 20_000;

    /// <summary>After <see cref="PrivacyNoticeFormValidator"/> passed: the one mapping.</summary>
    public PublishPrivacyNoticeCommand ToCommand() => new(Version!.Trim(), Text!.Trim(), TextEn!.Trim());

    public override string ToString() => nameof(PrivacyNoticeForm);
}

public sealed partial class PrivacyNoticeFormValidator : AbstractValidator<PrivacyNoticeForm>
{
    public PrivacyNoticeFormValidator(IAppDbContext db)
    {
        RuleFor(x => x.Version)
            .Must(v => v is not null && VersionPattern().IsMatch(v.Trim()))
            .Says(new Text($"ฉบับต้องเป็นตัวอักษร ตัวเลข จุด หรือขีด ไม่เกิน {PrivacyNotice.VersionMax} ตัว เช่น 2569-2",
                $"A version is letters, digits, dots or dashes, at most {PrivacyNotice.VersionMax}, e.g. 2569-2."))
            .MustAsync(async (v, ct) => !await db.PrivacyNotices.AnyAsync(n => n.Version == v!.Trim(), ct))
            .Says(new Text("มีฉบับนี้แล้ว ฉบับที่เผยแพร่แล้วแก้ไขไม่ได้ กรุณาตั้งฉบับใหม่", "This version exists; published versions are never edited, so name a new one."));
        var required = new Text("กรุณากรอกข้อความนโยบาย", "Please write the notice.");
        RuleFor(x => x.Text).RequiredText("text", PrivacyNoticeForm.TextMax, multiline: true, required);
        RuleFor(x => x.TextEn).RequiredText("textEn", PrivacyNoticeForm.TextMax, multiline: true, required);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9.-]{0,49}$")]
    private static partial Regex VersionPattern();
}
