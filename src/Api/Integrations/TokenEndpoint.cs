using System.Text;
using System.Text.Json.Serialization;
using CctvRequests.Application.Integrations.IssueToken;
using Microsoft.Extensions.Primitives;

namespace CctvRequests.Api.Integrations;

/// <summary>
/// <c>POST /connect/token</c>, the OAuth 2.0 client credentials grant (RFC 6749 §4.4): the client authenticates with
/// HTTP Basic or with <c>client_id</c> and <c>client_secret</c> in the form (never both), asks for
/// <c>grant_type=client_credentials</c> and optionally a subset of its scopes, and gets a Bearer token for 15 minutes.
/// Errors are RFC 6749 §5.2's JSON, never problem+json. ADR 0018 says why this is ours and not OpenIddict.
/// </summary>
public static class TokenEndpoint
{
    public const string Path = "/connect/token";

    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, IssueAsync)
            .WithTags("Integrations")
            .WithName("IssueToken")
            .WithSummary("An access token for an API client (OAuth 2.0 client credentials, RFC 6749 §4.4)")
            .WithDescription("Form body (`application/x-www-form-urlencoded`): `grant_type=client_credentials`, optionally `scope` (some of the client's scopes, space-separated; all of them when left out), and the client's credentials either as HTTP Basic (`Authorization: Basic base64(client_id:client_secret)`) or as `client_id` and `client_secret` in the form. The token is valid 15 minutes; send it as `Authorization: Bearer <token>`. Errors follow RFC 6749 §5.2: `{error, error_description}`.")
            .Produces<TokenResponse>()
            .Produces<TokenErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<TokenErrorResponse>(StatusCodes.Status401Unauthorized)
            .AllowAnonymous();
        return app;
    }

    private static async Task<IResult> IssueAsync(HttpContext http, TokenIssuer issuer, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
        var basic = false;
        try
        {
            if (!http.Request.HasFormContentType)
            {
                throw TokenRequestException.InvalidRequest("Send the parameters as application/x-www-form-urlencoded.");
            }
            var form = await http.Request.ReadFormAsync(ct);
            var grantType = Single(form, "grant_type") ?? throw TokenRequestException.InvalidRequest("grant_type is missing.");
            var (clientId, secret) = Credentials(http.Request, form, out basic);
            if (grantType != "client_credentials")
            {
                throw TokenRequestException.UnsupportedGrantType();
            }
            var issued = await issuer.IssueAsync(clientId, secret, Single(form, "scope"), ct);
            return TypedResults.Ok(new TokenResponse(issued.AccessToken, "Bearer", issued.ExpiresIn, issued.Scope));
        }
        catch (TokenRequestException e)
        {
            // RFC 6749 §5.2: a client that authenticated with the Authorization header is answered 401 with WWW-Authenticate.
            var status = e.Status == StatusCodes.Status401Unauthorized && !basic ? StatusCodes.Status400BadRequest : e.Status;
            if (status == StatusCodes.Status401Unauthorized)
            {
                http.Response.Headers.WWWAuthenticate = "Basic realm=\"cctv\", charset=\"UTF-8\"";
            }
            return TypedResults.Json(new TokenErrorResponse(e.Error, e.Message), statusCode: status);
        }
    }

    private static (string ClientId, string Secret) Credentials(HttpRequest request, IFormCollection form, out bool basic)
    {
        var header = request.Headers.Authorization.ToString();
        basic = header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase);
        var inForm = form.ContainsKey("client_id") || form.ContainsKey("client_secret");
        if (basic && inForm)
        {
            throw TokenRequestException.InvalidRequest("Authenticate with HTTP Basic or with client_id and client_secret in the form, not both.");
        }
        if (basic)
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            }
            catch (FormatException)
            {
                throw TokenRequestException.InvalidRequest("The Basic credentials are not base64.");
            }
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw TokenRequestException.InvalidRequest("The Basic credentials are not client_id:client_secret.");
            }
            // RFC 6749 §2.3.1: both are form-urlencoded before Basic encoding.
            return (Uri.UnescapeDataString(decoded[..colon].Replace('+', ' ')), Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' ')));
        }
        var id = Single(form, "client_id");
        var secret = Single(form, "client_secret");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
        {
            throw TokenRequestException.InvalidClient();
        }
        return (id, secret);
    }

    /// <summary>A parameter sent once, or null; RFC 6749 §3.2: sent twice is an invalid request.</summary>
    private static string? Single(IFormCollection form, string name)
    {
        if (!form.TryGetValue(name, out StringValues values) || values.Count == 0)
        {
            return null;
        }
        return values.Count > 1 ? throw TokenRequestException.InvalidRequest($"{name} is repeated.") : values[0];
    }
}

/// <summary>The token request's form fields (RFC 6749 §4.4.2 and §2.3.1).</summary>
public sealed record TokenRequestForm(
    [property: JsonPropertyName("grant_type")] string GrantType,
    [property: JsonPropertyName("scope")] string? Scope,
    [property: JsonPropertyName("client_id")] string? ClientId,
    [property: JsonPropertyName("client_secret")] string? ClientSecret);

/// <summary>RFC 6749 §5.1.</summary>
public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("scope")] string Scope);

/// <summary>RFC 6749 §5.2.</summary>
public sealed record TokenErrorResponse(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string ErrorDescription);
