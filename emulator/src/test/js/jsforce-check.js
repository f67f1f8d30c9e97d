// jsforce 3 (npm), unchanged, against the emulator over HTTPS with SOAP login(). Run by JsforceClientTest (which
// installs jsforce into target/jsforce and starts the emulator), or by hand against the running jar:
//   java -jar emulator/target/sfactions-emulator.jar --port 0 --https-port 0 --tls-dir /tmp/tls --soap-login
//   npm install jsforce@3
//   NODE_EXTRA_CA_CERTS=/tmp/tls/sfactions-emulator-ca.pem node jsforce-check.js https://localhost:PORT
const jsforce = require('jsforce');
(async () => {
  const conn = new jsforce.Connection({ loginUrl: process.argv[2], version: '62.0' });
  const info = await conn.login('demo@sfactions.local', 'demoTOKEN');   // SOAP login()
  console.log('soap login ok', info.id.slice(0, 3), conn.instanceUrl);
  const acc = await conn.sobject('Account').create({ Name: 'jsforce over TLS' });
  console.log('create', acc.success);
  const org = await conn.query('SELECT Id, IsSandbox FROM Organization');
  console.log('org', org.totalSize, org.records[0].IsSandbox);
  const me = await conn.query(`SELECT Username FROM User WHERE Id = '${info.id}'`);
  console.log('user', me.records[0].Username);
  const comp = await conn.requestPost('/services/data/v62.0/composite', { allOrNone: true, compositeRequest: [
    { method: 'POST', url: '/services/data/v62.0/sobjects/Account', referenceId: 'a', body: { Name: 'Parent' } },
    { method: 'POST', url: '/services/data/v62.0/sobjects/Contact', referenceId: 'c', body: { LastName: 'Kid', AccountId: '@{a.id}' } } ] });
  console.log('composite', comp.compositeResponse.map(r => r.httpStatusCode).join(','));
  const rows = await (await conn.bulk2.query('SELECT Id, Name FROM Account')).toArray();
  console.log('bulk2 query rows', rows.length);
  const end = new Date(Date.now() + 60000), start = new Date(Date.now() - 3600000);
  const upd = await conn.sobject('Account').updated(start, end);
  console.log('updated ids', upd.ids.length);
})().catch(e => { console.error('FAILED', e); process.exit(1); });
