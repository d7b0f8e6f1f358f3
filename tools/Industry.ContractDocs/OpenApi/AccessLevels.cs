using Industry.Common.V1;
using Industry.ContractDocs.Descriptors;

namespace Industry.ContractDocs.OpenApi;

/// <summary>
/// Who may call a method, in words: the comment of its <c>industry.common.v1.Access</c> value, which names the roles
/// (the enum is the one place that says which roles each level admits, so a new level documents itself).
/// </summary>
internal sealed class AccessLevels(ProtoSet protos)
{
    private const int EnumValue = 2;

    public string Describe(Access level)
    {
        var declared = protos.Enum(AccessReflection.Descriptor.EnumTypes.Single(e => e.ClrType == typeof(Access)).FullName);
        var index = declared.Proto.Value.ToList().FindIndex(v => v.Number == (int)level);
        if (index < 0)
        {
            throw new InvalidOperationException($"Access value {(int)level} is not in {declared.FullName}.");
        }

        var value = declared.Proto.Value[index];
        var roles = protos.Comment(declared.File, ProtoSet.Append(declared.Path, EnumValue, index)) ?? "";
        return $"**Access** (`{value.Name}`): {roles.Replace("\n", " ", StringComparison.Ordinal)}";
    }
}
