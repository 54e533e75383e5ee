using System.Text.Json;
using CctvRequests.Api.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CctvRequests.Api.Tests;

/// <summary>
/// When PostgreSQL refuses a value itself (SQLSTATE class 22: a NUL byte, a bad byte sequence, a
/// number out of range), the caller sent something wrong: 400, not a 503 that invites a retry.
/// </summary>
public sealed class DatabaseRefusalTests
{
    private static async Task<(int Status, JsonElement Body)> HandleAsync(Exception exception)
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        var handled = await new ProblemExceptionHandler(NullLogger<ProblemExceptionHandler>.Instance).TryHandleAsync(context, exception, CancellationToken.None);
        Assert.True(handled);
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, JsonDocument.Parse(context.Response.Body).RootElement);
    }

    [Theory]
    [InlineData("22021")] // character not in repertoire (a NUL byte in text)
    [InlineData("22P05")] // untranslatable character
    [InlineData("22003")] // numeric value out of range
    [InlineData("22001")] // string too long for its column
    public async Task ADataException_IsA400(string sqlState)
    {
        var (status, body) = await HandleAsync(new DbUpdateException("save failed", new PostgresException("refused", "ERROR", "ERROR", sqlState)));

        Assert.Equal(400, status);
        Assert.Equal(400, body.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("57P01")] // the server is shutting down
    [InlineData("08006")] // the connection failed
    public async Task AnUnavailableDatabase_IsStillA503(string sqlState)
    {
        var (status, _) = await HandleAsync(new DbUpdateException("save failed", new PostgresException("gone", "FATAL", "FATAL", sqlState)));

        Assert.Equal(503, status);
    }
}
