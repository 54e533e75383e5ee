using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using FluentValidation;
using Mediator;

namespace CctvRequests.Application.Integrations.CreateApiClient;

/// <summary>A new API client as the administrator typed it.</summary>
/// <param name="Name">What the system calling is (shown in the audit log as <c>client:&lt;name&gt;</c>).</param>
/// <param name="OwnerContact">Who answers for it: a person's or a team's e-mail or phone.</param>
/// <param name="Scopes">Some of <c>requests.read</c>, <c>requests.files</c>, <c>statistics.read</c>, <c>events.read</c>.</param>
/// <param name="ExpiresOn">The last day (Bangkok, <c>yyyy-MM-dd</c>) the client works; at most a year from today.</param>
public sealed record ApiClientForm(string? Name, string? OwnerContact, IReadOnlyList<string>? Scopes, string? ExpiresOn)
{
    public CreateApiClientCommand ToCommand() => new(
        Name!.Trim(), OwnerContact!.Trim(), [.. Scopes!.Distinct(StringComparer.Ordinal)],
        ThaiDates.TryParseIsoDate(ExpiresOn, out var day) ? day : throw new InvalidOperationException("Not validated."));

    public override string ToString() => nameof(ApiClientForm);
}

public sealed class ApiClientFormValidator : AbstractValidator<ApiClientForm>
{
    public ApiClientFormValidator(TimeProvider clock)
    {
        RuleFor(x => x.Name).NotEmpty().Says(new Text("กรุณากรอกชื่อระบบที่เชื่อมต่อ", "Please enter the client's name."))
            .MaximumLength(ApiClient.NameMax).Says(new Text($"ชื่อต้องไม่เกิน {ApiClient.NameMax} ตัวอักษร", $"The name is at most {ApiClient.NameMax} characters."))
            .Must(v => TextRules.IsClean(v!, multiline: false)).Says(new Text("ชื่อมีอักขระที่ใช้ไม่ได้", "The name contains characters that cannot be used."));
        RuleFor(x => x.OwnerContact).NotEmpty().Says(new Text("กรุณากรอกผู้รับผิดชอบและช่องทางติดต่อ", "Please enter who answers for this client and how to reach them."))
            .MaximumLength(ApiClient.ContactMax).Says(new Text($"ผู้ติดต่อต้องไม่เกิน {ApiClient.ContactMax} ตัวอักษร", $"The contact is at most {ApiClient.ContactMax} characters."))
            .Must(v => TextRules.IsClean(v!, multiline: false)).Says(new Text("ผู้ติดต่อมีอักขระที่ใช้ไม่ได้", "The contact contains characters that cannot be used."));
        RuleFor(x => x.Scopes).NotEmpty().Says(new Text("กรุณาเลือกสิทธิ์ (scope) อย่างน้อยหนึ่งรายการ", "Choose at least one scope."))
            .Must(v => v!.All(s => ApiScopes.All.Contains(s)))
            .Says(new Text($"สิทธิ์ (scope) ที่เลือกได้: {string.Join(", ", ApiScopes.All)}", $"Scopes are some of: {string.Join(", ", ApiScopes.All)}."));
        RuleFor(x => x.ExpiresOn).Must(v => ThaiDates.TryParseIsoDate(v, out _))
            .Says(new Text("กรุณากรอกวันหมดอายุ (yyyy-MM-dd)", "Give the expiry day as a date (yyyy-MM-dd)."))
            .Must(v => ThaiDates.TryParseIsoDate(v, out var day) && day > BangkokTime.Today(clock) && day <= BangkokTime.Today(clock).AddYears(1))
            .Says(new Text("วันหมดอายุต้องอยู่หลังวันนี้ และไม่เกินหนึ่งปี", "The expiry day is after today and at most a year away."));
    }
}

/// <summary>A new API client; its secret is in the answer and nowhere else.</summary>
public sealed record CreateApiClientCommand(string Name, string OwnerContact, IReadOnlyList<string> Scopes, DateOnly ExpiresOn) : ICommand<NewApiClientSecretDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.CreateApiClient;

    public string? AuditReference => null;

    public string? AuditDetails => $"{Name}: {string.Join(' ', Scopes)} until {ExpiresOn:yyyy-MM-dd}";
}

public sealed class CreateApiClientHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CreateApiClientCommand, NewApiClientSecretDto>
{
    public async ValueTask<NewApiClientSecretDto> Handle(CreateApiClientCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // The client works through its last day, Bangkok time.
        var expiresAt = new DateTimeOffset(command.ExpiresOn.AddDays(1).ToDateTime(TimeOnly.MinValue), BangkokTime.Offset);
        var (client, secret) = ApiClient.Create(command.Name, command.OwnerContact, command.Scopes, expiresAt, user.Name ?? "?", now);
        db.ApiClients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        return new NewApiClientSecretDto(client.ClientId, secret, null, ApiClientDto.Of(client));
    }
}

/// <summary>A client's id and a secret, shown this once (only its SHA-256 is kept).</summary>
/// <param name="ClientId">The client's id (<c>client_id</c>).</param>
/// <param name="ClientSecret">The secret (<c>client_secret</c>): store it now, it is never shown again.</param>
/// <param name="PreviousSecretsValidUntil">After a rotation: until when the secrets before it still work.</param>
/// <param name="Client">The client as the list shows it.</param>
public sealed record NewApiClientSecretDto(string ClientId, string ClientSecret, DateTimeOffset? PreviousSecretsValidUntil, ApiClientDto Client);
