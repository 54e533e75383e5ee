using CctvRequests.Application.Staff;
using CctvRequests.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace CctvRequests.Api.Hosting;

/// <summary>
/// <c>dotnet CctvRequests.Api.dll create-admin --email e --name "n"</c>: the first administrator,
/// since no page lets anyone register. The password comes from <c>CCTV_ADMIN_PASSWORD</c> or is
/// asked for without echo. Two-step verification is set up at the first sign-in.
/// </summary>
public static class CreateAdminCommand
{
    public const string Name = "create-admin";
    public const string PasswordVariable = "CCTV_ADMIN_PASSWORD";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var email = Option(args, "--email");
        var name = Option(args, "--name");
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(name))
        {
            Console.Error.WriteLine("usage: create-admin --email <e-mail> --name \"<full name>\"   (password from CCTV_ADMIN_PASSWORD, or asked)");
            return 2;
        }
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            password = ReadSecret($"Password for {email} (at least {IdentitySetup.PasswordMinLength} characters): ");
            if (ReadSecret("Again: ") != password)
            {
                Console.Error.WriteLine("The two passwords differ; nothing was created.");
                return 1;
            }
        }
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            DisplayName = name.Trim(),
            CreatedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(),
        };
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, StaffRoles.Admin);
        }
        if (!created.Succeeded)
        {
            Console.Error.WriteLine("Not created: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            return 1;
        }
        Console.WriteLine($"Administrator {user.Email} created. Sign in at /staff/ and set up two-step verification.");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string ReadSecret(string prompt)
    {
        Console.Write(prompt);
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine() ?? string.Empty;
        }
        var chars = new List<char>();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace && chars.Count > 0)
            {
                chars.RemoveAt(chars.Count - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                chars.Add(key.KeyChar);
            }
        }
        Console.WriteLine();
        return new string(chars.ToArray());
    }
}
