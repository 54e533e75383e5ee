using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Integrations.RotateApiClientSecret;
using Mediator;

namespace CctvRequests.Application.Integrations.RevokeApiClient;

/// <summary>The client stops at once: its tokens are refused on the next call on every node (each call reads PostgreSQL).</summary>
public sealed record RevokeApiClientCommand(string ClientId) : ICommand<ApiClientDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.RevokeApiClient;

    public string? AuditReference => null;

    public string? AuditDetails => ClientId;
}

public sealed class RevokeApiClientHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<RevokeApiClientCommand, ApiClientDto>
{
    public async ValueTask<ApiClientDto> Handle(RevokeApiClientCommand command, CancellationToken cancellationToken)
    {
        var client = await ApiClientLoader.LoadAsync(db, command.ClientId, cancellationToken);
        client.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ApiClientDto.Of(client);
    }
}
