using CctvRequests.Api.Integrations;
using CctvRequests.Application.Integrations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CctvRequests.Api.OpenApi;

/// <summary>
/// Says how each operation is entered, read from the endpoint's own authorization metadata (so the document
/// cannot drift from the policies): nothing (the citizen's calls, the token endpoint), a staff session (the cookie,
/// plus <c>X-CSRF-TOKEN</c> on every change), or a staff session or an API client's token with the scope the policy
/// names. Secured operations list their 401 and 403; every operation has at least one 4xx.
/// </summary>
public sealed class SecurityOperationFilter : IOperationFilter
{
    public const string Cookie = "staffCookie";
    public const string Csrf = "csrf";
    public const string OAuth = "oauth2";

    public static void AddSchemes(SwaggerGenOptions o)
    {
        o.AddSecurityDefinition(Cookie, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = Staff.StaffAuthentication.CookieName,
            Description = "A staff session: `POST /api/staff/session` (password and second factor) sets this cookie. Changes also need the session's `csrfToken` as `X-CSRF-TOKEN`.",
        });
        o.AddSecurityDefinition(Csrf, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = Staff.CsrfFilter.Header,
            Description = "The staff session's anti-forgery token (`csrfToken` of `POST /api/staff/session`), on every call that changes something.",
        });
        o.AddSecurityDefinition(OAuth, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "API clients (other systems): OAuth 2.0 client credentials at `/connect/token`; tokens last 15 minutes. Clients read; nothing they do decides a request.",
            Flows = new OpenApiOAuthFlows
            {
                ClientCredentials = new OpenApiOAuthFlow
                {
                    TokenUrl = new Uri(TokenEndpoint.Path, UriKind.Relative),
                    Scopes = ApiScopes.All.ToDictionary(s => s, s => ApiScopes.TextOf(s).En),
                },
            },
        });
    }

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList();
        var changes = context.ApiDescription.HttpMethod is not ("GET" or "HEAD");
        operation.Responses ??= new OpenApiResponses();
        if (policies.Count == 0 || metadata.OfType<IAllowAnonymous>().Any())
        {
            // Open to anyone: an empty requirement says so explicitly.
            operation.Security = [new OpenApiSecurityRequirement()];
            AddProblem(operation, context, "400", "The request could not be read (a malformed address, query or body).");
            return;
        }
        var staff = new OpenApiSecurityRequirement { [Reference(Cookie, context)] = [] };
        if (changes)
        {
            staff[Reference(Csrf, context)] = [];
        }
        var scope = policies.Select(p => p.StartsWith("staff-or-client:", StringComparison.Ordinal) ? p["staff-or-client:".Length..] : null).OfType<string>().FirstOrDefault();
        operation.Security = scope is null ? [staff] : [new OpenApiSecurityRequirement { [Reference(OAuth, context)] = [scope] }, staff];
        AddProblem(operation, context, "401", scope is null ? "No staff session (or it ended)." : "No staff session, or the token is unknown, expired or revoked.");
        AddProblem(operation, context, "403", scope is null ? "The account's role may not do this, or it must first change its password or set up two-step verification; or the anti-forgery token is missing."
            : $"The token lacks the scope `{scope}`, or the staff account may not do this.");
    }

    private static OpenApiSecuritySchemeReference Reference(string id, OperationFilterContext context) => new(id, context.Document);

    private static void AddProblem(OpenApiOperation operation, OperationFilterContext context, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status) || (status == "400" && operation.Responses.Keys.Any(k => k.StartsWith('4'))))
        {
            return;
        }
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                ["application/problem+json"] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository) },
            },
        };
    }
}

/// <summary>A description for each tag, the servers, and the contact of the document.</summary>
public sealed class DocumentInfoFilter : IDocumentFilter
{
    private static readonly Dictionary<string, string> Tags = new()
    {
        ["Requests"] = "A citizen files a request (multipart form) and looks up their requests by national ID or passport.",
        ["Status"] = "A request's status by the token of its QR code or status link.",
        ["Stations"] = "The places with cameras that requests may name.",
        ["Privacy"] = "The privacy notice citizens accept.",
        ["Settings"] = "The organization's texts and limits the pages read (every rule a page shows comes from here).",
        ["Staff"] = "Officers, approvers and administrators (a staff session). Reads marked with an OAuth scope are open to API clients too.",
        ["Staff: personal data"] = "The data subject's rights (PDPA): find, export, correct, erase; administrators only.",
        ["Integrations"] = "Other systems: API clients (OAuth 2.0 client credentials), the event feed and signed webhooks (ADR 0018).",
        ["Notifications"] = "Citizens' e-mail and SMS: unsubscribe, and the administrators' view of messages that could not be sent.",
        ["Online copy"] = "Clips delivered online: staff upload and publish, the applicant downloads.",
    };

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        document.Servers = [new OpenApiServer { Url = "/", Description = "This installation (the same host as the pages)" }];
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            tag.Description = tag.Name is { } name ? Tags.GetValueOrDefault(name, name) : null;
        }
    }
}

/// <summary>
/// Query parameters as callers write them (<c>?after=…&amp;limit=…</c>): a form bound with <c>[AsParameters]</c> is
/// documented by its properties' names (<c>After</c>), while binding ignores case. Generated clients then send the
/// names the documentation and the pages use.
/// </summary>
public sealed class CamelCaseQueryFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query && p.Name is { Length: > 0 }))
        {
            parameter.Name = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!);
        }
    }
}
