using CctvRequests.Application.Staff;

namespace CctvRequests.Api.Tests;

/// <summary>Mapster's maps compile: a missing or mistyped member fails here, not in a query.</summary>
public class StaffMappingsTests
{
    [Fact]
    public void TheStaffMappings_Compile() => StaffMappings.Create().Compile();

    [Fact]
    public void TheStaffMappings_RequireEveryDestinationMember()
    {
        var config = StaffMappings.Create();
        config.RequireExplicitMapping = false;
        config.RequireDestinationMemberSource = true;
        config.Compile();
    }
}
