using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Application.Requests.GetStatusByToken;
using FluentValidation;
using Mediator;

namespace CctvRequests.Application.Requests.GetStatusQr;

/// <summary>The QR code of a status link again, as PNG bytes, so the status page can offer it for download.</summary>
public sealed record GetStatusQrQuery(string? Token) : IQuery<byte[]>
{
    public override string ToString() => nameof(GetStatusQrQuery);
}

public sealed class GetStatusQrHandler(IAppDbContext db, IStatusLinks links) : IQueryHandler<GetStatusQrQuery, byte[]>
{
    public async ValueTask<byte[]> Handle(GetStatusQrQuery query, CancellationToken cancellationToken)
    {
        await StatusTokenLookup.ExistsAsync(db, query.Token, cancellationToken);
        return links.QrCodePng(links.StatusUrl(query.Token!));
    }
}

public sealed class GetStatusQrValidator : AbstractValidator<GetStatusQrQuery>
{
    public GetStatusQrValidator() =>
        RuleFor(x => x.Token).NotEmpty().Says(StatusTokenLookup.Missing);
}
