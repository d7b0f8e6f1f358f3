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
}
