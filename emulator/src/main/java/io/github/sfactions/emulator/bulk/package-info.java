/**
 * Bulk API 2.0 ingest emulation: {@code /services/data/vXX.X/jobs/ingest/**}.
 *
 * <h2>Public API</h2>
 *
 * <ul>
 *   <li>{@link io.github.sfactions.emulator.bulk.BulkIngestApi} answers requests routed to it by
 *       the HTTP server ({@code handle}), lists jobs ({@code jobs}), and has {@code reset} and
 *       {@code close}.
 *   <li>{@link io.github.sfactions.emulator.bulk.BulkRecordStore} is what rows are written to; the
 *       emulator core implements it with the REST validators. {@link
 *       io.github.sfactions.emulator.bulk.BulkRowResult} is one row's outcome.
 *   <li>{@link io.github.sfactions.emulator.bulk.BulkSettings} sets the upload cap (150 MB), speed
 *       (records per second, 0 = unthrottled), minimum dwell in {@code UploadComplete} and {@code
 *       InProgress} (200 ms each by default), internal batch size (10,000) and worker threads.
 *   <li>{@link io.github.sfactions.emulator.bulk.BulkResponse} is the HTTP answer; {@link
 *       io.github.sfactions.emulator.bulk.BulkJobSummary} a job in the admin listing.
 * </ul>
 *
 * Everything in the {@code impl} subpackage is internal.
 *
 * <h2>Endpoints</h2>
 *
 * <table>
 *   <caption>Routes below /jobs/ingest</caption>
 *   <tr><th>request</th><th>answer</th></tr>
 *   <tr><td>{@code POST ""} JSON job definition</td><td>200 JobInfo (short form), state {@code Open}</td></tr>
 *   <tr><td>{@code GET ""}</td><td>200 {@code {"done":true,"records":[...],"nextRecordsUrl":null}}</td></tr>
 *   <tr><td>{@code PUT /{id}/batches} text/csv</td><td>201, empty body</td></tr>
 *   <tr><td>{@code PATCH /{id}} {@code {"state":"UploadComplete"|"Aborted"}}</td><td>200 JobInfo (short form)</td></tr>
 *   <tr><td>{@code GET /{id}}</td><td>200 JobInfo with counters; {@code errorMessage} only when Failed</td></tr>
 *   <tr><td>{@code DELETE /{id}}</td><td>204 in UploadComplete, JobComplete, Aborted, Failed</td></tr>
 *   <tr><td>{@code GET /{id}/successfulResults | failedResults | unprocessedrecords}</td><td>200 text/csv</td></tr>
 * </table>
 *
 * Errors are REST error arrays {@code [{"message":...,"errorCode":...}]}: 404 {@code NOT_FOUND}
 * (unknown job or path, unsupported API version), 400 {@code INVALIDJOB} (bad definition, with the
 * reason), 400 {@code JSON_PARSER_ERROR}, 415 {@code UNSUPPORTED_MEDIA_TYPE} (JSON bodies must be
 * {@code application/json}, uploads {@code text/csv}, charset parameters allowed), 405 {@code
 * METHOD_NOT_ALLOWED}, 409 {@code INVALIDJOBSTATE} (operation not allowed in the job's state), 400
 * {@code BULK_API_ERROR} (second or empty upload), 413 {@code EXCEEDED_QUOTA} (upload over the
 * cap), 503 after {@code close()}.
 *
 * <h2>Decisions where Salesforce's exact behaviour is unverified</h2>
 *
 * <ul>
 *   <li>One upload per job. A second PUT is refused (400 {@code BULK_API_ERROR}); so is an empty
 *       one.
 *   <li>An upload over the cap is refused with 413 as soon as the cap is passed (the rest of the
 *       body is not read); nothing is stored and the job stays {@code Open}, so the client may
 *       upload a smaller file or abort.
 *   <li>Closing a job without an upload makes it {@code Failed}: {@code InvalidBatch : No data was
 *       uploaded for this job}. A header-only upload completes with zero records.
 *   <li>Whole-job failures, checked before any row is written (nothing processed, all rows
 *       unprocessed): line ending mismatch ({@code ClientInputError : LineEnding is invalid on user
 *       data. Current LineEnding setting is LF}), malformed CSV such as an unterminated quote
 *       ({@code InvalidBatch : Malformed CSV: ...}), unknown column ({@code InvalidBatch : Field
 *       name not found : Foo__c}), duplicate column, update without {@code Id}, upsert without the
 *       external id column, delete/hardDelete with columns other than {@code Id}.
 *   <li>A row whose column count differs from the header fails alone: {@code InvalidBatch:Wrong
 *       number of columns: expected 3 but found 4:--}; its result row is padded or cut to the
 *       header's width.
 *   <li>Relationship columns ({@code Account.Ext__c}) are passed to {@link
 *       io.github.sfactions.emulator.bulk.BulkRecordStore#canonicalFieldName}; they work when the
 *       store resolves them and fail the job as unknown columns otherwise.
 *   <li>Result files use the job's delimiter and line ending. Header: {@code
 *       "sf__Id","sf__Created",} (or {@code "sf__Error"}) followed by the uploaded header names
 *       (quoted only where needed); data rows quote every value. {@code sf__Error} is {@code
 *       CODE:message:Field1,Field2 --} or {@code CODE:message:--}; {@code sf__Id} is empty for
 *       failed inserts and the row's id for failed update/delete rows.
 *   <li>Successful and failed results are served in every terminal state (an aborted or failed job
 *       shows what it processed); before that 409. {@code unprocessedrecords} returns the uploaded
 *       header and the never-attempted rows verbatim from the upload; header only for JobComplete.
 *   <li>A row left without its id (empty or {@code #N/A} Id on update/delete, empty external id on
 *       upsert) fails with {@code MISSING_ARGUMENT}. A store exception fails that row with {@code
 *       UNKNOWN_EXCEPTION}; the job goes on.
 *   <li>Cells: an empty cell is left out of the row's cell map (leave unchanged); {@code #N/A} is
 *       present with {@code null} (set to null). Header names are matched case-insensitively
 *       through the store.
 *   <li>Processing happens on a scheduled executor in steps of one internal batch (or a throttled
 *       slice of one); abort, delete, {@link
 *       io.github.sfactions.emulator.bulk.BulkIngestApi#reset()} and {@link
 *       io.github.sfactions.emulator.bulk.BulkIngestApi#close()} stop a job before its next row.
 *   <li>Job definitions: {@code object} and {@code operation} are required (operation matched
 *       ignoring case); {@code externalIdFieldName} is required for upsert, must name a field the
 *       store knows, and is ignored for other operations; unknown properties are ignored.
 *   <li>Jobs are found by their 18-character id or its 15-character prefix.
 *   <li>Not supported: multipart create-and-upload in one request, paging of the job list.
 * </ul>
 */
package io.github.sfactions.emulator.bulk;
