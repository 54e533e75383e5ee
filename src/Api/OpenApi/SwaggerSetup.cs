using Microsoft.OpenApi;

namespace CctvRequests.Api.OpenApi;

public static class SwaggerSetup
{
    public static IServiceCollection AddApiDocumentation(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "CctvRequests API",
                Version = "v1",
                Description = "Requests to view or copy CCTV footage of a Thai local government (คำร้องขอดูหรือขอสำเนาข้อมูลภาพจากกล้องวงจรปิด). " +
                              "Errors are `application/problem+json`; validation errors name each field, in Thai by default or in English with `Accept-Language: en`.",
            });
            SecurityOperationFilter.AddSchemes(o);
            o.OperationFilter<SecurityOperationFilter>();
            o.OperationFilter<CamelCaseQueryFilter>();
            o.DocumentFilter<DocumentInfoFilter>();
            o.OperationFilter<ExamplesOperationFilter>();
            o.OperationFilter<SubmissionFormSchema>();
            foreach (var xml in Directory.EnumerateFiles(AppContext.BaseDirectory, "CctvRequests.*.xml"))
            {
                o.IncludeXmlComments(xml);
            }
        });
        return services;
    }

    /// <summary>The OpenAPI document always; Swagger UI in Development, or when <c>Swagger:Enabled</c> is true.</summary>
    public static WebApplication UseApiDocumentation(this WebApplication app)
    {
        app.UseSwagger();
        if (!app.Environment.IsDevelopment() && !app.Configuration.GetValue<bool>("Swagger:Enabled"))
        {
            return app;
        }
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/swagger/v1/swagger.json", "CctvRequests API v1");
            o.DocumentTitle = "CctvRequests API";
            // "Authorize" takes an API client's id and secret and gets a token at /connect/token (client credentials).
            o.OAuthScopeSeparator(" ");
        });
        return app;
    }
}
