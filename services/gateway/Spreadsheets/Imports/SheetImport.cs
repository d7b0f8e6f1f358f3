using Industry.ServiceDefaults.Security;

namespace Industry.Gateway.Spreadsheets.Imports;

/// <summary>
/// The import of one layout (<c>POST /v1/imports/{layout}</c>): it sends the readable rows of an uploaded sheet to the
/// service with the caller's token and answers every row in <see cref="ImportResults"/>. The endpoint around it
/// (<see cref="ImportEndpoints"/>) receives the file, checks its headers and writes the result sheet, the same for
/// every layout. An <see cref="Grpc.Core.RpcException"/> fails the request as a whole.
/// </summary>
internal interface ISheetImport
{
    SheetLayout Layout { get; }

    /// <summary>The gRPC method the rows go to, <c>/package.Service/Method</c>: its declared access decides who may import.</summary>
    string Method { get; }

    Task ImportAsync(UploadedSheet sheet, ImportResults results, Caller caller, CancellationToken cancellation);
}
