namespace CctvRequests.Application.Abstractions;

/// <summary>Encrypts a status token for the short time an idempotent replay may need it.</summary>
public interface ITokenProtector
{
    string Protect(string token);

    string Unprotect(string protectedToken);
}
