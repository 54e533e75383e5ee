using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using FluentValidation;

namespace CctvRequests.Application.Requests.LookupByNationalId;

public sealed class LookupRequestsByNationalIdValidator : AbstractValidator<LookupRequestsByNationalIdQuery>
{
    public LookupRequestsByNationalIdValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.NationalId)
            .NotEmpty().Says("กรุณากรอกเลขบัตรประชาชน", "Please enter the national ID number.")
            .Must(v => NationalId.TryParse(v, out _)).Says("เลขบัตรประชาชนไม่ถูกต้อง กรุณาตรวจสอบอีกครั้ง", "The national ID is not valid; please check it.");
    }
}
