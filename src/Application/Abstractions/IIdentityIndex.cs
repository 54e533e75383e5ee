using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Abstractions;

/// <summary>
/// The keyed blind index of an identity document (HMAC-SHA256 of its kind and number): the only
/// way to find a person's requests, since the number itself is stored encrypted.
/// </summary>
public interface IIdentityIndex
{
    byte[] Of(IdentityDocumentKind kind, string number);
}

public static class IdentitySearch
{
    /// <summary>The shadow property (column <c>applicant_id_index</c>) that holds each request's index.</summary>
    public const string Property = "IdentityIndex";

    public static byte[] Of(this IIdentityIndex index, IdentityDocument document) => index.Of(document.Kind, document.Number);

    /// <summary>The requests of the document's holder (a passport's country is checked too).</summary>
    public static IQueryable<FootageRequest> OfPerson(this IQueryable<FootageRequest> requests, IIdentityIndex index, IdentityDocument document)
    {
        var key = index.Of(document);
        var matching = requests.Where(r => EF.Property<byte[]>(r, Property) == key);
        return document.Kind == IdentityDocumentKind.Passport ? matching.Where(r => r.Applicant.Identity.Country == document.Country) : matching;
    }

    /// <summary>The requests whose document has this kind and number, whatever the passport's country.</summary>
    public static IQueryable<FootageRequest> WithNumber(this IQueryable<FootageRequest> requests, IIdentityIndex index, IdentityDocumentKind kind, string number)
    {
        var key = index.Of(kind, number);
        return requests.Where(r => EF.Property<byte[]>(r, Property) == key);
    }
}
