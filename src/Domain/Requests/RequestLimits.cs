namespace CctvRequests.Domain.Requests;

/// <summary>Field limits, shared by the aggregate, the validator and the database columns.</summary>
public static class RequestLimits
{
    public const int TitleMax = 40;
    public const int NameMax = 100;
    public const int AgeMin = 1;
    public const int AgeMax = 120;
    public const int EthnicityMax = 50;
    public const int NationalityMax = 50;
    public const int AddressMin = 5;
    public const int AddressMax = 500;
    public const int ReasonMin = 10;
    public const int ReasonMax = 2000;
    public const int FileCountMin = 1;
    public const int FileCountMax = 50;
    public const int OtherDocumentsMax = 5;
    public const int NoteMax = 2000;
    public const int PublicMessageMax = 1000;
    public const int FileNameMax = 255;
    public const int StorageKeyMax = 200;
    public const int NoticeVersionMax = 50;
}
