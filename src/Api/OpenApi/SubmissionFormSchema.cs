using System.Text.Json.Nodes;
using CctvRequests.Api.Endpoints;
using CctvRequests.Application.Requests.Submit;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CctvRequests.Api.OpenApi;

/// <summary>
/// The submission endpoint streams its body itself, so Swagger cannot infer its form: this builds
/// the multipart schema from the same fields table the reader and the validator use.
/// </summary>
public sealed class SubmissionFormSchema : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.OperationId != RequestEndpoints.SubmitOperation)
        {
            return;
        }
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>(),
            Required = new HashSet<string>(),
        };
        foreach (var field in SubmissionFields.All)
        {
            schema.Properties[field.Name] = Property(field);
            if (field.Required)
            {
                schema.Required.Add(field.Name);
            }
        }
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, IOpenApiMediaType> { ["multipart/form-data"] = new OpenApiMediaType { Schema = schema } },
        };
    }

    private static OpenApiSchema Property(FormField field)
    {
        var description = $"{field.Label.Th} ({field.Label.En}). {field.Description}".Trim();
        var property = field.Kind switch
        {
            FieldKind.File when field.MaxCount > 1 => new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                MaxItems = field.MaxCount,
            },
            FieldKind.File => new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
            FieldKind.Integer => new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = field.Min.ToString(), Maximum = field.Max.ToString() },
            FieldKind.Boolean => new OpenApiSchema { Type = JsonSchemaType.Boolean },
            FieldKind.Date => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
            FieldKind.Time => new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[0-9]{1,2}:[0-9]{2}$" },
            FieldKind.Choice => new OpenApiSchema { Type = JsonSchemaType.String, Enum = field.Choices!.Select(c => (JsonNode)JsonValue.Create(c)!).ToList() },
            _ => new OpenApiSchema { Type = JsonSchemaType.String, MinLength = field.Min > 0 ? field.Min : null, MaxLength = field.Max },
        };
        property.Description = field.IsFile ? $"{description} At most {field.MaxBytes / (1024 * 1024)} MB." : description;
        if (field.Example is not null)
        {
            // The example in the field's own type: a string "35" is not an example of an integer.
            property.Examples = [field.Kind switch
            {
                FieldKind.Integer when long.TryParse(field.Example, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
                FieldKind.Boolean when bool.TryParse(field.Example, out var flag) => JsonValue.Create(flag),
                _ => JsonValue.Create(field.Example),
            }];
        }
        return property;
    }
}
