using CctvRequests.Application.Common;
using FluentValidation;

namespace CctvRequests.Application.Requests.GetStatusByToken;

public sealed class GetStatusByTokenValidator : AbstractValidator<GetStatusByTokenQuery>
{
    public GetStatusByTokenValidator() =>
        RuleFor(x => x.Token).NotEmpty().Says("ไม่พบรหัสติดตามสถานะ", "The status token is missing.");
}
