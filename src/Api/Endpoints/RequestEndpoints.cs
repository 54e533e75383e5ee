using CctvRequests.Api.Hosting;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Application.Files;
using CctvRequests.Application.Idempotency;
using CctvRequests.Application.Requests.Submit;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace CctvRequests.Api.Endpoints;

public static class RequestEndpoints
{
    public const string SubmitOperation = "SubmitRequest";

    public static IEndpointRouteBuilder MapRequests(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/requests").WithTags("Requests");

        group.MapPost("/", SubmitAsync)
            .WithName(SubmitOperation)
            .WithSummary("File a request to view or copy CCTV footage")
            .WithDescription("""
                The citizen's form as `multipart/form-data` (the fields and their limits are below, and in `GET /api/form-settings`).
                Files are checked by content: PDF, JPEG or PNG. Identify the applicant by `nationalId`, or, for someone who is not
                Thai, by `passportNumber` with `passportCountry`. Send an `Idempotency-Key` header to make retries safe: the same
                key within 24 hours returns the first answer (with the header `Idempotent-Replayed: true`) and creates nothing new.
                """)
            .Produces<SubmitRequestResult>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status408RequestTimeout)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithRequestTimeout(Hardening.SubmissionPolicy)
            .RequireRateLimiting(Hardening.SubmissionPolicy);

        return app;
    }

    private static async Task<IResult> SubmitAsync(
        HttpContext context, SubmissionFormReader reader, IEnumerable<IValidator<SubmittedForm>> validators, ISender sender, IdempotencyOutcome outcome,
        IThrottle throttle, IOptions<LimitsOptions> limits, CancellationToken ct)
    {
        await throttle.ForClientAsync(ThrottlePolicy.Submission, context.Connection.RemoteIpAddress, ct);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = UploadLimits.MaxRequestBytes;
        }
        if (context.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rate)
        {
            rate.MinDataRate = new MinDataRate(limits.Value.SubmissionMinBytesPerSecond, TimeSpan.FromSeconds(15));
        }
        await using var upload = await reader.ReadAsync(context.Request, ct);
        var form = upload.Form;
        await validators.ValidateAllAndThrowAsync(form, ct);
        var result = await sender.Send(form.ToCommand(), ct);
        if (outcome.Replayed)
        {
            context.Response.Headers["Idempotent-Replayed"] = "true";
        }
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created((string?)null, result);
    }
}
