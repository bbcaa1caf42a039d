// 11-join-group.ts: JoinGroup (key 11), versions 0-9. v1 adds the rebalance timeout, v4 the
// MEMBER_ID_REQUIRED round trip (KIP-394), v5 static membership (KIP-345), v6 flexible, v7 protocolType in
// the response, v8 a reason, v9 skipAssignment (KIP-814). v0-1 are kept for librdkafka 2.0.2's feature check
// (CLIENTS.md pitfall 6). Differences from Kafka: none known.
import { ApiKey } from '../../protocol/api-keys'
import { readJoinGroupRequest, writeJoinGroupResponse } from '../../protocol/generated'
import { defineHandler } from '../handler'

export default defineHandler({
  apiKey: ApiKey.JoinGroup,
  minVersion: 0,
  maxVersion: 9,
  read: readJoinGroupRequest,
  write: writeJoinGroupResponse,
  handle: async (req, ctx) => {
    const version = ctx.header.apiVersion
    const result = await ctx.broker.groups.join({
      groupId: req.groupId,
      memberId: req.memberId,
      groupInstanceId: req.groupInstanceId,
      clientId: ctx.header.clientId ?? '',
      // Kafka reports the client's address as InetAddress.toString(), hence the leading slash.
      clientHost: `/${ctx.connection.remoteAddress}`,
      sessionTimeoutMs: req.sessionTimeoutMs,
      // v0 has no rebalance timeout: the session timeout bounds the join phase.
      rebalanceTimeoutMs: version >= 1 ? req.rebalanceTimeoutMs : req.sessionTimeoutMs,
      protocolType: req.protocolType,
      protocols: req.protocols,
      requireKnownMemberId: version >= 4,
      reason: req.reason,
    })
    return {
      throttleTimeMs: 0,
      errorCode: result.errorCode,
      generationId: result.generationId,
      protocolType: result.protocolType,
      // Non-nullable before v7.
      protocolName: version >= 7 ? result.protocolName : result.protocolName ?? '',
      leader: result.leader,
      skipAssignment: version >= 9 ? result.skipAssignment : false,
      memberId: result.memberId,
      members: result.members,
    }
  },
})
