namespace Industry.Gateway.Spreadsheets.Exports;

/// <summary>One exportable table: its name in the URL, its columns, and the call that gives its rows.</summary>
internal interface IExportTable
{
    string Name { get; }

    /// <summary>The header row and the rows; the first row is read before anything is sent, so a refused call still answers with its error.</summary>
    Task<SheetRows> OpenAsync(ExportQuery query, CancellationToken cancellation);
}

internal sealed class ExportTable<T>(string name, IReadOnlyList<SheetColumn<T>> columns, Func<ExportQuery, CancellationToken, IAsyncEnumerable<T>> rows) : IExportTable
{
    public string Name => name;

    public async Task<SheetRows> OpenAsync(ExportQuery query, CancellationToken cancellation)
    {
        var enumerator = rows(query, cancellation).GetAsyncEnumerator(cancellation);
        try
        {
            var any = await enumerator.MoveNextAsync();
            return new SheetRows((output, format, ct) => SheetWriter.WriteAsync(output, format, columns, Rest(enumerator, any), ct), enumerator);
        }
        catch
        {
            await enumerator.DisposeAsync();
            throw;
        }
    }

    private static async IAsyncEnumerable<T> Rest(IAsyncEnumerator<T> enumerator, bool any)
    {
        if (!any)
        {
            yield break;
        }

        do
        {
            yield return enumerator.Current;
        }
        while (await enumerator.MoveNextAsync());
    }
}

/// <summary>An opened export: writes itself in a format, then releases its source.</summary>
internal sealed class SheetRows(Func<Stream, SheetFormat, CancellationToken, Task> write, IAsyncDisposable source) : IAsyncDisposable
{
    public Task WriteAsync(Stream output, SheetFormat format, CancellationToken cancellation) => write(output, format, cancellation);

    public ValueTask DisposeAsync() => source.DisposeAsync();
}
