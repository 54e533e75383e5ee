using CctvRequests.Application.PersonalData.ExportSubject;
using CctvRequests.Application.PersonalData.SearchSubject;
using FluentValidation;

namespace CctvRequests.Application.PersonalData;

/// <summary>A person as the administrator names them, to find or to export.</summary>
/// <param name="NationalId">13 digits (Thai digits, spaces and dashes accepted).</param>
/// <param name="PassportNumber">Instead: the passport number.</param>
/// <param name="PassportCountry">With a passport: ISO 3166-1 alpha-3.</param>
public sealed record SubjectForm(string? NationalId, string? PassportNumber = null, string? PassportCountry = null) : ISubjectDocument
{
    /// <summary>After <see cref="SubjectFormValidator"/> passed: the search.</summary>
    public SearchSubjectQuery ToSearchQuery() => new(this.Document());

    /// <summary>After <see cref="SubjectFormValidator"/> passed: the export.</summary>
    public ExportSubjectQuery ToExportQuery() => new(this.Document());

    public override string ToString() => nameof(SubjectForm);
}

public sealed class SubjectFormValidator : AbstractValidator<SubjectForm>
{
    public SubjectFormValidator() => this.DocumentRules();
}
