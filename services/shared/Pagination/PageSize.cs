using Industry.ServiceDefaults.Errors;

namespace Industry.ServiceDefaults.Pagination;

/// <summary>AIP-158 page sizes: 0 means the default, larger than the maximum is coerced, negative is an error.</summary>
public static class PageSize
{
    public const int Default = 50;
    public const int Maximum = 1000;

    public static int Normalize(int requested, string field = "page_size") => requested switch
    {
        < 0 => throw ServiceException.InvalidArgument(field, "must not be negative."),
        0 => Default,
        > Maximum => Maximum,
        _ => requested,
    };
}
