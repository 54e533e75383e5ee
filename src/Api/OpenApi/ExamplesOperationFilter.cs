using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CctvRequests.Api.OpenApi;

/// <summary>
/// Gives integrators a worked example of every request and answer, errors included, in the
/// document Swagger UI shows. Examples are keyed by operation id and status code.
/// </summary>
public sealed class ExamplesOperationFilter : IOperationFilter
{
    private const string Token = "k3Jx0cV9q2mB8sT1uY7wZ4aL6eN5rD0fG2hJ8pQ1oRs";

    private static readonly Dictionary<string, string> Problems = new()
    {
        ["400"] = """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"ข้อมูลไม่ถูกต้อง กรุณาตรวจสอบช่องที่แจ้ง","status":400,"errors":{"nationalId":["เลขบัตรประชาชนไม่ถูกต้อง กรุณาตรวจสอบอีกครั้ง"],"phone":["หมายเลขโทรศัพท์ไม่ถูกต้อง เช่น 081-234-5678 หรือ 02-123-4567"]},"traceId":"0HN8QK0D9V1B2:00000001"}""",
        ["404"] = """{"title":"ไม่พบข้อมูล","status":404,"detail":"ไม่พบคำร้องจากลิงก์นี้ กรุณาตรวจสอบว่าใช้ลิงก์หรือ QR Code ครบถ้วน","traceId":"0HN8QK0D9V1B2:00000002"}""",
        ["413"] = """{"title":"ไฟล์มีขนาดใหญ่เกินกำหนด","status":413,"detail":"ไฟล์ใน 'policeReport' มีขนาดเกิน 10 MB","errors":{"policeReport":["ไฟล์ใน 'policeReport' มีขนาดเกิน 10 MB"]},"traceId":"0HN8QK0D9V1B2:00000003"}""",
        ["415"] = """{"title":"ชนิดไฟล์ไม่รองรับ","status":415,"detail":"ไฟล์ใน 'idCardCopy' ต้องเป็น PDF, JPEG หรือ PNG เท่านั้น (ตรวจจากเนื้อไฟล์ ไม่ใช่ชื่อไฟล์)","errors":{"idCardCopy":["ไฟล์ใน 'idCardCopy' ต้องเป็น PDF, JPEG หรือ PNG เท่านั้น (ตรวจจากเนื้อไฟล์ ไม่ใช่ชื่อไฟล์)"]},"traceId":"0HN8QK0D9V1B2:00000004"}""",
        ["422"] = """{"title":"Idempotency-Key ถูกใช้ซ้ำ","status":422,"detail":"Idempotency-Key นี้ถูกใช้กับคำร้องอื่นแล้ว กรุณาใช้คีย์ใหม่สำหรับคำร้องใหม่","traceId":"0HN8QK0D9V1B2:00000005"}""",
        ["429"] = """{"title":"เรียกใช้บ่อยเกินไป","status":429,"detail":"มีการเรียกใช้บ่อยเกินไป กรุณารอสักครู่แล้วลองใหม่","traceId":"0HN8QK0D9V1B2:00000006"}""",
        ["503"] = """{"title":"ระบบไม่พร้อมให้บริการชั่วคราว","status":503,"detail":"ขออภัย ยังบันทึกข้อมูลไม่ได้ในขณะนี้ ไม่มีข้อมูลใดถูกบันทึก กรุณาลองใหม่อีกครั้ง","traceId":"0HN8QK0D9V1B2:00000007"}""",
    };

    private static readonly Dictionary<string, (string? Request, string? Response)> Operations = new()
    {
        ["SubmitRequest"] = (null, $$"""{"referenceNumber":"CCTV-2569-000123","status":"Pending","statusText":"รออนุมัติ","statusUrl":"https://cctv.example.go.th/status#t={{Token}}","qrCodePng":"iVBORw0KGgoAAAANSUhEUgAA...","footageOverwrittenOn":"2026-03-16","warnings":[]}"""),
        ["LookupRequests"] = ("""{"nationalId":"1-1120-34563-56-2"}""",
            """[{"referenceNumber":"CCTV-2569-000123","status":"Received","statusText":"เจ้าหน้าที่รับเรื่องแล้ว","stationId":3,"stationName":"สวนสาธารณะหนองกระทิง อ.เมือง จ.ลำปาง","incidentDate":"2026-02-14","submittedAt":"2026-02-16T03:04:05+00:00"}]"""),
        ["GetStatusByToken"] = ($$"""{"token":"{{Token}}"}""",
            """{"referenceNumber":"CCTV-2569-000123","status":"Cancelled","statusText":"ยกเลิก","purpose":"Copy","stationId":3,"stationName":"สวนสาธารณะหนองกระทิง อ.เมือง จ.ลำปาง","incidentDate":"2026-02-14","submittedAt":"2026-02-16T03:04:05+00:00","maskedName":"นายสม*** ใจ***","history":[{"status":"Pending","statusText":"รออนุมัติ","at":"2026-02-16T03:04:05+00:00","reasonCode":null,"reason":null,"message":null},{"status":"Cancelled","statusText":"ยกเลิก","at":"2026-02-17T02:00:00+00:00","reasonCode":"WrongAttachments","reason":"เอกสารแนบไม่ถูกต้อง","message":"สำเนาบัตรประชาชนไม่ชัดเจน กรุณายื่นใหม่"}]}"""),
        ["GetStatusQrCode"] = ($$"""{"token":"{{Token}}"}""", null),
        ["ListStations"] = (null,
            """[{"id":1,"name":"พื้นที่ภายในสำนักงานองค์การบริหารส่วนจังหวัดลำปาง อ.เกาะคา จ.ลำปาง","district":"เกาะคา","footageRetentionDays":30}]"""),
        ["GetPrivacyNotice"] = (null,
            """{"version":"2569-1","text":"องค์การบริหารส่วนจังหวัดลำปาง ขอแจ้งให้ท่านทราบว่า ...","textEn":"The Lampang Provincial Administrative Organization informs you that ...","publishedAt":"2025-12-31T17:00:00+00:00"}"""),
    };

    private static void SetExample(IOpenApiMediaType content, string json)
    {
        if (content is OpenApiMediaType editable)
        {
            editable.Example = JsonNode.Parse(json);
        }
    }

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.OperationId is null || !Operations.TryGetValue(operation.OperationId, out var examples))
        {
            return;
        }
        if (operation.OperationId == "SubmitRequest")
        {
            operation.Parameters ??= new List<IOpenApiParameter>();
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "Idempotency-Key",
                In = ParameterLocation.Header,
                Required = false,
                Description = "8-100 characters (A-Z a-z 0-9 - _ . :), new for each new request. The same key within 24 hours returns the first answer again and creates nothing.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Example = JsonValue.Create("3f2b8c1e-6a4d-4e0b-9d51-2c7a9b0e4f11"),
            });
        }
        if (examples.Request is not null && operation.RequestBody?.Content?.TryGetValue("application/json", out var request) == true)
        {
            SetExample(request, examples.Request);
        }
        if (operation.Responses is null)
        {
            return;
        }
        foreach (var (code, response) in operation.Responses)
        {
            if (response.Content is null)
            {
                continue;
            }
            foreach (var (mediaType, content) in response.Content)
            {
                if (mediaType == "application/json" && examples.Response is not null && code is "200" or "201")
                {
                    SetExample(content, examples.Response);
                }
                else if (mediaType == "application/problem+json" && Problems.TryGetValue(code, out var problem))
                {
                    SetExample(content, problem);
                }
            }
        }
    }
}
