namespace CctvRequests.Domain.Requests;

/// <summary>วัตถุประสงค์ที่จะขอ.</summary>
public enum Purpose
{
    /// <summary>ขอดูข้อมูลภาพ: view the footage on site.</summary>
    View,

    /// <summary>ขอสำเนาข้อมูลภาพ: take a copy; needs the number of files.</summary>
    Copy,
}
