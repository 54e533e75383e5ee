using CctvRequests.Domain.Common;

namespace CctvRequests.Application.Audit;

/// <summary>What the audit log records (SPEC §8.6): every sign-in, every view of personal data, every change.</summary>
public enum AuditAction
{
    SignIn,
    SignInFailed,
    SignOut,
    PasswordChanged,
    TwoFactorEnabled,
    PasskeyAdded,
    PasskeyRemoved,
    SearchRequests,
    ViewRequest,
    OpenAttachment,
    ReceiveRequest,
    ApproveRequest,
    CancelRequest,
    AddNote,
    RecordPreservation,
    CreateUser,
    ChangeRole,
    DisableUser,
    EnableUser,
    ResetPassword,
    ViewAudit,
}

public static class AuditActionText
{
    public static Text Of(AuditAction action) => action switch
    {
        AuditAction.SignIn => new("เข้าสู่ระบบ", "Signed in"),
        AuditAction.SignInFailed => new("เข้าสู่ระบบไม่สำเร็จ", "Sign-in failed"),
        AuditAction.SignOut => new("ออกจากระบบ", "Signed out"),
        AuditAction.PasswordChanged => new("เปลี่ยนรหัสผ่าน", "Changed password"),
        AuditAction.TwoFactorEnabled => new("เปิดการยืนยันสองขั้นตอน", "Turned on two-step verification"),
        AuditAction.PasskeyAdded => new("เพิ่มพาสคีย์", "Added a passkey"),
        AuditAction.PasskeyRemoved => new("ลบพาสคีย์", "Removed a passkey"),
        AuditAction.SearchRequests => new("ค้นหาคำร้อง", "Searched requests"),
        AuditAction.ViewRequest => new("เปิดดูคำร้อง", "Viewed a request"),
        AuditAction.OpenAttachment => new("เปิดไฟล์แนบ", "Opened an attachment"),
        AuditAction.ReceiveRequest => new("รับเรื่อง", "Received a request"),
        AuditAction.ApproveRequest => new("อนุมัติ", "Approved a request"),
        AuditAction.CancelRequest => new("ยกเลิกคำร้อง", "Cancelled a request"),
        AuditAction.AddNote => new("เพิ่มบันทึกภายใน", "Added an internal note"),
        AuditAction.RecordPreservation => new("บันทึกการเก็บรักษาภาพ", "Recorded footage preservation"),
        AuditAction.CreateUser => new("สร้างผู้ใช้", "Created a user"),
        AuditAction.ChangeRole => new("เปลี่ยนบทบาท", "Changed a role"),
        AuditAction.DisableUser => new("ปิดการใช้งานผู้ใช้", "Disabled a user"),
        AuditAction.EnableUser => new("เปิดการใช้งานผู้ใช้", "Enabled a user"),
        AuditAction.ResetPassword => new("รีเซ็ตรหัสผ่าน", "Reset a password"),
        AuditAction.ViewAudit => new("เปิดดูบันทึกการใช้งาน", "Viewed the audit log"),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
