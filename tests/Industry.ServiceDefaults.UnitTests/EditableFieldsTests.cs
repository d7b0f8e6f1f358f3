using Google.Protobuf.WellKnownTypes;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Resources;

namespace Industry.ServiceDefaults.UnitTests;

public sealed class EditableFieldsTests
{
    private sealed record Draft(string Name = "", int Count = 0, string Note = "");

    private static readonly EditableFields<Draft> Fields = new EditableFields<Draft>()
        .Field("name", r => r.Name.Length > 0, (d, r) => d with { Name = r.Name })
        .Field("count", r => r.Count != 0, (d, r) => d with { Count = r.Count })
        .Field("note", r => r.Note.Length > 0, (d, r) => d with { Note = r.Note });

    private static readonly Draft Stored = new("stored", 5, "kept");

    [Fact]
    public void Merge_NoMask_TakesTheFieldsTheRequestSet() =>
        Assert.Equal(new Draft("new", 5, "kept"), Fields.Merge(Stored, new Draft(Name: "new"), null));

    [Fact]
    public void Merge_Mask_TakesOnlyTheMaskedFieldsEvenWhenEmpty() =>
        Assert.Equal(new Draft("stored", 5, ""), Fields.Merge(Stored, new Draft(Name: "ignored"), new FieldMask { Paths = { "note" } }));

    [Fact]
    public void Merge_Star_ReplacesEveryField() =>
        Assert.Equal(new Draft("x"), Fields.Merge(Stored, new Draft("x"), new FieldMask { Paths = { "*" } }));

    [Fact]
    public void Merge_PathNotEditable_IsInvalidArgumentListingTheEditableFields()
    {
        var error = Assert.Throws<ServiceException>(() => Fields.Merge(Stored, Stored, new FieldMask { Paths = { "state" } }));

        var violation = Assert.Single(error.FieldViolations);
        Assert.Equal("update_mask", violation.Field);
        Assert.Contains("name, count, note", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Paths_InDeclarationOrder() => Assert.Equal(["name", "count", "note"], Fields.Paths);

    private sealed record Wide(string DisplayName = "", long TotalYuan = 0, bool AboveSize = false, DayOfWeek? Day = null, IReadOnlyList<string>? Leaders = null);

    private static readonly EditableFields<Wide> Named = EditableFields.Named<Wide>("display_name", "total_yuan", "above_size", "day", "leaders");

    [Fact]
    public void Named_NoMask_TakesEveryPropertyTheRequestGaveANonDefaultValue()
    {
        var stored = new Wide("stored", 5, true, DayOfWeek.Monday, ["a"]);

        Assert.Equal(stored, Named.Merge(stored, new Wide(), null));
        var merged = Named.Merge(stored, new Wide("new", 7, Day: DayOfWeek.Sunday, Leaders: ["b"]), null);
        Assert.Equal(("new", 7L, true, (DayOfWeek?)DayOfWeek.Sunday, "b"), (merged.DisplayName, merged.TotalYuan, merged.AboveSize, merged.Day, merged.Leaders!.Single()));
    }

    [Fact]
    public void Named_NullableGivenItsDefault_IsSet() =>
        Assert.True(Named.IsSet(new Wide(Day: DayOfWeek.Sunday), "day") && !Named.IsSet(new Wide(Leaders: []), "leaders"));

    [Fact]
    public void Named_Mask_ClearsAMaskedFieldTheRequestLeftOutAndLeavesTheStoredDraftAlone()
    {
        var stored = new Wide("stored", 5, true);

        Assert.Equal(new Wide("stored", 0, true), Named.Merge(stored, new Wide(), new FieldMask { Paths = { "total_yuan" } }));
        Assert.Equal(new Wide("stored", 5, true), stored);
    }

    [Fact]
    public void Named_PathWithoutAProperty_FailsWhenDeclared() =>
        Assert.Contains("'state'", Assert.Throws<InvalidOperationException>(() => EditableFields.Named<Wide>("display_name", "state")).Message, StringComparison.Ordinal);
}
