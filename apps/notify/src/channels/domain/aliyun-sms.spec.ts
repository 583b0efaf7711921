import {
  aliyunSendSmsRequest,
  aliyunSmsOutcome,
  canonicalQuery,
  percentEncode,
  rpcSignature,
  stringToSign,
} from './aliyun-sms';

describe('Alibaba Cloud SMS (RPC signature v1)', () => {
  it("reproduces the SMS documentation's worked example of SendSms", () => {
    // Alibaba Cloud SMS, "HTTP 协议及签名" / signature method: testId / testSecret, this request.
    const params = {
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'XML',
      OutId: '123',
      PhoneNumbers: '15300000001',
      RegionId: 'cn-hangzhou',
      SignName: '阿里云短信测试专用',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_71390007',
      TemplateParam: '{"customer":"test"}',
      Timestamp: '2017-07-12T02:42:19Z',
      Version: '2017-05-25',
    };
    expect(stringToSign('GET', params)).toBe(
      'GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123%26PhoneNumbers%3D15300000001' +
        '%26RegionId%3Dcn-hangzhou%26SignName%3D%25E9%2598%25BF%25E9%2587%258C%25E4%25BA%2591%25E7%259F%25AD%25E4%25BF%25A1' +
        '%25E6%25B5%258B%25E8%25AF%2595%25E4%25B8%2593%25E7%2594%25A8%26SignatureMethod%3DHMAC-SHA1' +
        '%26SignatureNonce%3D45e25e9b-0a6f-4070-8c85-2956eda1b466%26SignatureVersion%3D1.0%26TemplateCode%3DSMS_71390007' +
        '%26TemplateParam%3D%257B%2522customer%2522%253A%2522test%2522%257D%26Timestamp%3D2017-07-12T02%253A42%253A19Z' +
        '%26Version%3D2017-05-25',
    );
    expect(rpcSignature('testSecret', 'GET', params)).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it("reproduces the RPC signature documentation's worked example (DescribeRegions)", () => {
    const params = {
      AccessKeyId: 'testid',
      Action: 'DescribeRegions',
      Format: 'XML',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
      SignatureVersion: '1.0',
      Timestamp: '2016-02-23T12:46:24Z',
      Version: '2014-05-26',
    };
    expect(rpcSignature('testsecret', 'GET', params)).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  it('percent-encodes as RFC 3986 says: only A-Z a-z 0-9 - _ . ~ stay, a space is %20', () => {
    expect(percentEncode("a b!'()*~-_.")).toBe('a%20b%21%27%28%29%2A~-_.');
    expect(canonicalQuery({ b: '2', a: '1 1', Signature: 'x' })).toBe('a=1%201&b=2');
  });

  it('sends a signed form POST with the template, the phone and the delivery id', () => {
    const req = aliyunSendSmsRequest(
      {
        endpoint: 'https://dysmsapi.aliyuncs.com/',
        accessKeyId: 'LTAIexample',
        accessKeySecret: 'secret-of-the-key',
        signName: '园区吹哨报到',
        templateCode: 'SMS_100001',
        phone: '13800138000',
        templateParam: { number: 'CS-2026-000001', department: '人社局' },
        outId: 'd-1',
      },
      new Date('2026-03-02T01:02:03.456Z'),
      'nonce-1',
    );
    expect(req.url).toBe('https://dysmsapi.aliyuncs.com/');
    const form = Object.fromEntries(new URLSearchParams(req.body));
    expect(form).toMatchObject({
      Action: 'SendSms',
      Version: '2017-05-25',
      PhoneNumbers: '13800138000',
      SignName: '园区吹哨报到',
      TemplateCode: 'SMS_100001',
      TemplateParam: '{"number":"CS-2026-000001","department":"人社局"}',
      Timestamp: '2026-03-02T01:02:03Z',
      SignatureNonce: 'nonce-1',
      OutId: 'd-1',
    });
    const { Signature, ...signed } = form;
    expect(Signature).toBe(rpcSignature('secret-of-the-key', 'POST', signed));
    expect(req.body).not.toContain('secret-of-the-key');
  });

  it('counts only Code "OK" as sent', () => {
    expect(aliyunSmsOutcome(200, '{"Code":"OK","Message":"OK","BizId":"1","RequestId":"r"}')).toEqual({
      ok: true,
    });
    expect(
      aliyunSmsOutcome(
        400,
        '{"Code":"SignatureDoesNotMatch","Message":"Specified signature is not matched"}',
      ),
    ).toEqual({
      ok: false,
      error: 'sms error SignatureDoesNotMatch: Specified signature is not matched',
    });
    expect(aliyunSmsOutcome(200, '{"Code":"isv.BUSINESS_LIMIT_CONTROL","Message":"触发流控"}')).toMatchObject(
      { ok: false },
    );
    expect(aliyunSmsOutcome(502, '<html>')).toEqual({ ok: false, error: 'HTTP 502: <html>' });
  });
});
