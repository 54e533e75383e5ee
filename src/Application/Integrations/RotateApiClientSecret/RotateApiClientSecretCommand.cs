using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Application.Integrations.CreateApiClient;
using CctvRequests.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Integrations.RotateApiClientSecret;

/// <param name="OverlapHours">How long the secrets before the new one keep working (0 to 168; 24 when left out).</param>
public sealed record RotateSecretForm(int? OverlapHours)
{
    public const int DefaultOverlapHours = 24;
    public const int MaxOverlapHours = 7 * 24;

    public RotateApiClientSecretCommand ToCommand(string clientId) => new(clientId, TimeSpan.FromHours(OverlapHours ?? DefaultOverlapHours));
}

public sealed class RotateSecretFormValidator : AbstractValidator<RotateSecretForm>
{
    public RotateSecretFormValidator() =>
        RuleFor(x => x.OverlapHours).InclusiveBetween(0, RotateSecretForm.MaxOverlapHours)
            .Says(new Text($"ช่วงเวลาที่รหัสเดิมยังใช้ได้ต้องอยู่ระหว่าง 0 ถึง {RotateSecretForm.MaxOverlapHours} ชั่วโมง",
                $"The overlap is 0 to {RotateSecretForm.MaxOverlapHours} hours."));
}

/// <summary>A new secret for the client, shown once; the earlier ones work until the overlap ends.</summary>
public sealed record RotateApiClientSecretCommand(string ClientId, TimeSpan Overlap) : ICommand<NewApiClientSecretDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.RotateApiClientSecret;

    public string? AuditReference => null;

    public string? AuditDetails => $"{ClientId}, overlap {Overlap.TotalHours:0} h";
}

public sealed class RotateApiClientSecretHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<RotateApiClientSecretCommand, NewApiClientSecretDto>
{
    public async ValueTask<NewApiClientSecretDto> Handle(RotateApiClientSecretCommand command, CancellationToken cancellationToken)
    {
        var client = await ApiClientLoader.LoadAsync(db, command.ClientId, cancellationToken);
        var now = clock.GetUtcNow();
        var secret = client.RotateSecret(now, now + command.Overlap);
        await db.SaveChangesAsync(cancellationToken);
        return new NewApiClientSecretDto(client.ClientId, secret, now + command.Overlap, ApiClientDto.Of(client));
    }
}

public static class ApiClientLoader
{
    public static readonly Text NotFound = new("ไม่พบไคลเอนต์นี้", "There is no such API client.");

    public static async Task<ApiClient> LoadAsync(IAppDbContext db, string clientId, CancellationToken cancellationToken) =>
        await db.ApiClients.SingleOrDefaultAsync(c => c.ClientId == clientId, cancellationToken) ?? throw new NotFoundException(NotFound);
}
