using Grpc.Core;
using Proto = Industry.Parks.V1;

namespace Industry.IntegrationTests.Parks;

/// <summary>Valid parks, fresh ids and USCCs for the parks API tests: each test creates the rows it reads.</summary>
internal static class ParkTestData
{
    private static int _serial = 500_000;

    public static CallOptions Deadline => new(deadline: DateTime.UtcNow.AddSeconds(15));

    /// <summary>An id no other test uses: <paramref name="prefix"/> and a random suffix.</summary>
    public static string NewId(string prefix = "k") => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>A valid USCC of a Hefei enterprise that no other test uses.</summary>
    public static string NewUscc()
    {
        var first17 = $"91340100{Interlocked.Increment(ref _serial):D9}";
        return first17 + ServiceDefaults.Reference.Uscc.CheckCharacter(first17);
    }

    /// <summary>A valid park in a Hefei county with a lead industry.</summary>
    public static Proto.Park NewPark(string displayName = "合肥高新技术产业开发区", string countyCode = "340104", string leadIndustry = "industries/AUTO") => new()
    {
        DisplayName = displayName,
        CountyCode = countyCode,
        ParkType = Proto.ParkType.NationalHighTechZone,
        LeadIndustry = leadIndustry,
        AboveSizeEnterpriseCount = 200,
        Description = "新能源汽车数字化转型样板",
    };

    public static Task<Proto.Park> CreateAsync(this Proto.ParkService.ParkServiceClient client, Proto.Park? park = null, string? id = null) =>
        client.CreateParkAsync(new Proto.CreateParkRequest { Park = park ?? NewPark(), ParkId = id ?? NewId() }, Deadline).ResponseAsync;

    public static Task<Proto.Park> SubmitAsync(this Proto.ParkService.ParkServiceClient client, Proto.Park park) =>
        client.SubmitParkAsync(new Proto.SubmitParkRequest { Name = park.Name }, Deadline).ResponseAsync;

    public static Task<Proto.Park> CertifyAsync(this Proto.ParkService.ParkServiceClient client, Proto.Park park, int year = 2023, int batch = 1) =>
        client.CertifyParkAsync(new Proto.CertifyParkRequest { Name = park.Name, Year = year, Batch = batch }, Deadline).ResponseAsync;

    /// <summary>A new park, submitted and certified in <paramref name="year"/>.</summary>
    public static async Task<Proto.Park> CertifiedAsync(this Proto.ParkService.ParkServiceClient client, Proto.Park? park = null, int year = 2023) =>
        await client.CertifyAsync(await client.SubmitAsync(await client.CreateAsync(park)), year);

    public static Task<Proto.Transformation> RecordAsync(
        this Proto.ParkService.ParkServiceClient client, Proto.Park park, string uscc, Proto.TransformationLevel level, int year, string displayName = "安徽示范制造有限公司") =>
        client.RecordTransformationAsync(new Proto.RecordTransformationRequest
        {
            Parent = park.Name,
            EnterpriseUscc = uscc,
            EnterpriseDisplayName = displayName,
            Level = level,
            Year = year,
        }, Deadline).ResponseAsync;
}
