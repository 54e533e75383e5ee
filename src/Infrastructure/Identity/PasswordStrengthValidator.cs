using System.Text.RegularExpressions;
using CctvRequests.Domain.Common;
using CctvRequests.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Infrastructure.Identity;

/// <summary>
/// Refuses passwords that are easy to guess, by a maintained estimator rather than rules of our
/// own (ASVS 6.2.4, 6.2.11): Dropbox's zxcvbn (the zxcvbn-core port, with its frequency lists of
/// common passwords, names and words, keyboard patterns, repeats, sequences and dates), told the
/// account's e-mail, name and the organization's names as words an attacker would try first.
/// A score of 3 ("safely unguessable", about 10^8 guesses) or more passes.
/// </summary>
public sealed partial class PasswordStrengthValidator(AppDbContext db) : IPasswordValidator<StaffUser>
{
    public const string Code = "PasswordTooGuessable";
    public const int MinimumScore = 3;

    /// <summary>zxcvbn's matching grows quickly with length; what is past this is not needed to tell (and a weak start stays weak).</summary>
    public const int Evaluated = 100;

    public static readonly Text TooGuessable = new(
        "รหัสผ่านนี้เดาได้ง่ายเกินไป เช่น เป็นคำหรือรหัสที่ใช้กันบ่อย ตัวอักษรซ้ำหรือเรียงกัน หรือมีอีเมล ชื่อของท่าน หรือชื่อหน่วยงาน "
        + "กรุณาใช้ประโยคที่ท่านจำได้ ซึ่งมีหลายคำที่ไม่เกี่ยวกัน (อย่างน้อย 4 คำ)",
        "This password is too easy to guess: a common word or password, repeated or sequential characters, or your e-mail, "
        + "name or the organization's name. Use a sentence you can remember made of several unrelated words (four or more).");

    private static readonly string[] ProductWords = ["cctv", "staff", "password", "admin", "officer", "approver", "รหัสผ่าน", "กล้องวงจรปิด"];

    public async Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length > IdentitySetup.PasswordMaxLength)
        {
            // Length has its own validators and message.
            return IdentityResult.Success;
        }
        var inputs = new List<string>(ProductWords);
        inputs.AddRange(Words(user.Email));
        inputs.AddRange(Words(user.DisplayName));
        foreach (var names in await db.OrganizationProfiles.AsNoTracking().Select(o => new[] { o.NameTh, o.NameEn }).ToListAsync())
        {
            inputs.AddRange(names.SelectMany(Words));
        }
        return Score(password, inputs) >= MinimumScore
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = Code, Description = TooGuessable.En });
    }

    public static int Score(string password, IEnumerable<string> userInputs) =>
        Zxcvbn.Zxcvbn.MatchPassword(password.Length > Evaluated ? password[..Evaluated] : password, userInputs).Score;

    /// <summary>A text whole and in its parts ("somchai.j@lampang.go.th": itself, "somchai", "j", "lampang", "go", "th").</summary>
    private static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }
        yield return text.ToLowerInvariant();
        foreach (var part in Separators().Split(text.ToLowerInvariant()))
        {
            if (part.Length >= 2)
            {
                yield return part;
            }
        }
    }

    [GeneratedRegex(@"[\s@._\-+()]+")]
    private static partial Regex Separators();
}
