namespace CctvRequests.Application.Abstractions;

/// <summary>Encrypts a secret the database must keep for a while (an idempotent answer holding a status token).</summary>
public interface ISecretProtector
{
    string Protect(string plaintext);

    string Unprotect(string protectedText);
}
