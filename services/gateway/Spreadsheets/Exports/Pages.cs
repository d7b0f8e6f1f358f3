namespace Industry.Gateway.Spreadsheets.Exports;

/// <summary>Every item of a paged list call, page after page as the sheet is written: never more than one page in memory.</summary>
internal static class Pages
{
    /// <summary>The largest page the suite's list calls give.</summary>
    public const int Size = 1000;

    public static async IAsyncEnumerable<T> AllAsync<T>(Func<string, Task<(IEnumerable<T> Items, string NextPageToken)>> page)
    {
        var token = string.Empty;
        do
        {
            var (items, next) = await page(token);
            foreach (var item in items)
            {
                yield return item;
            }

            token = next;
        }
        while (token.Length > 0);
    }

    /// <summary>The rows of one unpaged call (a progress table).</summary>
    public static async IAsyncEnumerable<T> OneAsync<T>(Func<Task<IEnumerable<T>>> call)
    {
        foreach (var item in await call())
        {
            yield return item;
        }
    }
}
